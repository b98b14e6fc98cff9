package org.ztpbox.cli;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.ztpbox.config.DoctorConfig;
import org.ztpbox.config.ZtpboxConfig;
import org.ztpbox.core.DhcpProbeReport;
import org.ztpbox.core.LeaseStore;
import org.ztpbox.core.PhoneEvent;
import org.ztpbox.core.QuarantineStore;
import org.ztpbox.core.StoreException;
import org.ztpbox.diagnose.Doctor;
import org.ztpbox.diagnose.DoctorReport;
import org.ztpbox.diagnose.Finding;
import org.ztpbox.diagnose.OwnServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ztpbox doctor}: probes the LAN's DHCP servers as a Poly phone would, reads the stored
 * events, and prints where phones will be provisioned from and what to fix. Runs the same whether
 * the appliance is running on this box or stopped (see {@code DhcpProber} for how the sockets share
 * the box).
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Probe the LAN's DHCP servers as a Poly phone would; explain where phones will be"
                + " provisioned from and what to fix.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no stale provisioning source found", "1:failure", "2:usage or configuration error",
            "3:a DHCP server points phones at another provisioning server"})
public final class DoctorCommand implements Callable<Integer> {

    /** Exit code when a stale provisioning source is found, for scripts. */
    public static final int EXIT_STALE = 3;

    private final ApplianceRuntime runtime;

    @Mixin
    ConfigOption config;

    @Option(names = "--interface", paramLabel = "IF",
            description = "The LAN interface to probe (default: network.interface).")
    String interfaceName;

    @Option(names = "--wait", paramLabel = "DURATION",
            description = "How long to collect answers, 500ms to 30s (default: doctor.probe-wait, 3s).")
    String waitText;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    public DoctorCommand(ApplianceRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Integer call() {
        ZtpboxConfig c = config.load();
        Duration wait = c.doctor().probeWait();
        if (waitText != null) {
            try {
                wait = DoctorConfig.parseWait(waitText);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--wait: " + e.getMessage());
            }
        }
        OwnServer own = runtime.ownServer(c, interfaceName);
        DhcpProbeReport probe = runtime.probeDhcp(c, own, wait);
        DoctorReport report = new Doctor(own, Clock.systemUTC()).examine(probe, storedEvents(c))
                .plus(reversionFindings(c));
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(DoctorJson.of(report));
        } else {
            DoctorText.print(report, out);
        }
        out.flush();
        return report.staleSourceFound() ? EXIT_STALE : 0;
    }

    /** The phones' override files and returns from a reset, if the appliance ever ran here. */
    private List<Finding> reversionFindings(ZtpboxConfig c) {
        if (!Files.exists(c.databaseFile())) {
            return List.of();
        }
        try (LeaseStore store = runtime.openStore(c); QuarantineStore quarantines = runtime.openQuarantines(c)) {
            return PhoneDiagnosis.reversionChecks(c, runtime, store, quarantines, Clock.systemUTC()).all();
        } catch (StoreException e) {
            spec.commandLine().getErr().println("ztpbox doctor: override files and resets not checked ("
                    + e.getMessage() + ")");
            return List.of();
        }
    }

    /** The newest events, if the appliance ever ran here; the passive rules are skipped otherwise. */
    private List<PhoneEvent> storedEvents(ZtpboxConfig c) {
        if (!Files.exists(c.databaseFile())) {
            return List.of();
        }
        try (LeaseStore store = runtime.openStore(c)) {
            return store.events(null, Doctor.EVENTS_READ);
        } catch (StoreException e) {
            spec.commandLine().getErr().println("ztpbox doctor: stored events not read (" + e.getMessage()
                    + "); probing only");
            return List.of();
        }
    }
}
