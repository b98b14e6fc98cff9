package org.ztpbox.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.ztpbox.config.ZtpboxConfig;
import org.ztpbox.core.InventoryStore;
import org.ztpbox.core.Phone;
import org.ztpbox.core.PhoneRecord;
import org.ztpbox.core.PhoneRecordStore;
import org.ztpbox.provisioning.records.PhoneOverview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ztpbox phones}: the inventory's phones and the unassigned ones (seen, not declared), with
 * what was observed of each. Never shows a password. Reads the store, so it works beside a running
 * appliance (which writes its observations every second).
 */
@Command(name = "phones", mixinStandardHelpOptions = true,
        description = "List the phones: those the inventory declares and the unassigned ones that contacted"
                + " ztpbox, with their observed model, firmware, address and last contact.")
public final class PhonesCommand implements Callable<Integer> {

    private final ApplianceRuntime runtime;

    @Mixin
    ConfigOption config;

    @Option(names = "--json", description = "Print a JSON array instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    public PhonesCommand(ApplianceRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Integer call() {
        List<PhoneOverview> phones = overview(runtime, config.load());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonListing.array(phones.stream().map(PhonesCommand::row).toList()));
        } else {
            TextTable table = new TextTable("MAC", "STATUS", "MODEL", "EXT", "NAME", "SITE", "FIRMWARE", "STAGE",
                    "ADDRESS", "LAST SEEN");
            for (PhoneOverview phone : phones) {
                Map<String, String> r = row(phone);
                table.row(r.get("mac"), r.get("status"), model(r), r.get("extension"), r.get("display_name"),
                        r.get("site"), r.get("firmware"), r.get("stage"), r.get("address"), r.get("last_seen"));
            }
            table.print(out);
            long unassigned = phones.stream().filter(p -> !p.assigned()).count();
            long neverSeen = phones.stream().filter(p -> p.observed() == null).count();
            out.printf("%d phone%s: %d in the inventory (%d never seen), %d unassigned%n", phones.size(),
                    phones.size() == 1 ? "" : "s", phones.size() - unassigned, neverSeen, unassigned);
        }
        out.flush();
        return 0;
    }

    /** Inventory and records, read from the store. */
    static List<PhoneOverview> overview(ApplianceRuntime runtime, ZtpboxConfig c) {
        try (InventoryStore inventory = runtime.openInventory(c);
             PhoneRecordStore records = runtime.openPhoneRecords(c)) {
            return PhoneOverview.of(inventory.phones(), records.records());
        }
    }

    /** One phone as listed: no secret among the keys. */
    static Map<String, String> row(PhoneOverview phone) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("mac", phone.mac().toString());
        r.put("status", phone.status());
        Phone d = phone.declared();
        PhoneRecord o = phone.observed();
        if (d != null) {
            r.put("model", emptyToNull(d.model()));
            r.put("extension", emptyToNull(d.extension()));
            r.put("display_name", emptyToNull(d.displayName()));
            r.put("sip_user", emptyToNull(d.sipUser()));
            r.put("site", emptyToNull(d.site()));
        }
        if (o != null) {
            r.put("observed_model", o.model());
            r.put("part_number", o.partNumber());
            r.put("firmware", o.firmware());
            r.put("boot_version", o.bootVersion());
            r.put("stage", o.stage());
            r.put("address", o.lastAddress());
            r.put("first_seen", time(o.firstSeen()));
            r.put("last_seen", time(o.lastSeen()));
            r.put("last_seen_via", o.lastSeenVia());
            r.put("last_file", o.lastFile());
            r.put("last_file_at", time(o.lastFileAt()));
        }
        return r;
    }

    static String time(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** The observed model, and the declared one beside it when they disagree. */
    private static String model(Map<String, String> r) {
        String declared = r.get("model");
        String observed = r.get("observed_model");
        if (observed == null) {
            return declared;
        }
        return declared == null || declared.equals(observed) ? observed : observed + " (inventory: " + declared + ")";
    }

    private static String emptyToNull(String value) {
        return Objects.requireNonNullElse(value, "").isEmpty() ? null : value;
    }
}
