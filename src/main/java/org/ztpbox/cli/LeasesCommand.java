package org.ztpbox.cli;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ztpbox.config.ZtpboxConfig;
import org.ztpbox.core.Lease;
import org.ztpbox.core.LeaseStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ztpbox leases}: the lease table, read from the store (works while the appliance runs). */
@Command(name = "leases", mixinStandardHelpOptions = true, description = "List the DHCP leases.")
public final class LeasesCommand implements Callable<Integer> {

    private final ApplianceRuntime runtime;

    @Mixin
    ConfigOption config;

    @Option(names = "--json", description = "Print a JSON array instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    public LeasesCommand(ApplianceRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Integer call() {
        ZtpboxConfig c = config.load();
        List<Lease> leases;
        try (LeaseStore store = runtime.openStore(c)) {
            leases = store.loadLeases();
        }
        leases = leases.stream().sorted(Comparator.comparing(Lease::address)).toList();
        Instant now = Instant.now();
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonListing.array(leases.stream().map(lease -> row(lease, now)).toList()));
        } else {
            out.printf("%-15s  %-17s  %-8s  %-20s  %s%n", "ADDRESS", "MAC", "STATE", "EXPIRES", "HOSTNAME");
            for (Lease lease : leases) {
                Map<String, String> r = row(lease, now);
                out.printf("%-15s  %-17s  %-8s  %-20s  %s%n", r.get("address"), r.get("mac"), r.get("state"),
                        r.get("expires"), java.util.Objects.toString(r.get("hostname"), ""));
            }
            out.printf("%d lease%s%n", leases.size(), leases.size() == 1 ? "" : "s");
        }
        out.flush();
        return 0;
    }

    private static Map<String, String> row(Lease lease, Instant now) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("address", lease.address().toString());
        r.put("mac", lease.mac().toString());
        boolean expired = lease.state() == Lease.LeaseState.BOUND && !lease.expiresAt().isAfter(now);
        r.put("state", expired ? "EXPIRED" : lease.state().name());
        r.put("starts", lease.startsAt().toString());
        r.put("expires", lease.expiresAt().toString().replaceAll("\\.\\d+Z$", "Z"));
        r.put("hostname", lease.hostname());
        return r;
    }
}
