package org.ztpbox.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.ztpbox.config.ZtpboxConfig;
import org.ztpbox.core.LeaseStore;
import org.ztpbox.core.QuarantineStore;
import org.ztpbox.diagnose.Finding;
import org.ztpbox.diagnose.FindingText;
import org.ztpbox.diagnose.StaleOverrides;
import org.ztpbox.provisioning.CleanBoot;
import org.ztpbox.provisioning.OverrideFiles;
import org.ztpbox.provisioning.QuarantineEvents;
import org.ztpbox.provisioning.QuarantineException;
import org.ztpbox.provisioning.QuarantineService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ztpbox prepare-reset MAC}: quarantines the phone's override files before a factory reset,
 * so that the reset phone does not fetch its old settings back. Works while the appliance runs;
 * the running appliance serves the phone empty overrides within seconds.
 */
@Command(name = "prepare-reset", mixinStandardHelpOptions = true,
        description = {"Before a factory reset: move the phone's override files (<mac>-phone.cfg, <mac>-web.cfg)"
                + " aside, never deleting them, and serve it empty overrides until it has booted clean.",
                "Undo with 'ztpbox restore-overrides MAC'."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:quarantined", "1:failure, or the phone is already quarantined", "2:usage error"})
public final class PrepareResetCommand implements Callable<Integer> {

    private final ApplianceRuntime runtime;

    @Mixin
    ConfigOption config;

    @Mixin
    PhoneOption phone;

    @Mixin
    ActorOptions actor;

    @Option(names = "--json", description = "Print the quarantine record as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    public PrepareResetCommand(ApplianceRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Integer call() throws IOException {
        ZtpboxConfig c = config.load();
        Clock clock = Clock.systemUTC();
        PrintWriter out = spec.commandLine().getOut();
        try (LeaseStore events = runtime.openStore(c); QuarantineStore quarantines = runtime.openQuarantines(c)) {
            OverrideFiles files = PhoneDiagnosis.overrideFiles(c);
            StaleOverrides stale = PhoneDiagnosis.staleOverrides(c, runtime, files, quarantines, clock);
            List<Finding> findings = stale.forPhone(phone.mac);
            QuarantineService service = new QuarantineService(c.stateDir(), files, quarantines, clock);
            QuarantineService.Outcome outcome;
            try {
                outcome = service.quarantine(phone.mac, actor.who(), actor.why("prepare reset"),
                        stale.flaggedParameters(phone.mac));
            } catch (QuarantineException e) {
                spec.commandLine().getErr().println("ztpbox: " + e.getMessage());
                return 1;
            }
            events.commit(List.of(), List.of(QuarantineEvents.quarantined(outcome.quarantine())));
            if (json) {
                out.println(Json.write(QuarantineOutput.json(outcome, findings)));
            } else {
                out.printf("Quarantine %d of %s by %s (%s), files kept in %s:%n", outcome.quarantine().id(),
                        phone.mac, outcome.quarantine().startedBy(), outcome.quarantine().reason(),
                        outcome.quarantine().location());
                if (outcome.moves().isEmpty()) {
                    out.println("  the phone has no override files on ztpbox; nothing moved");
                }
                outcome.moves().forEach(m -> out.println("  " + m));
                if (!outcome.quarantine().flagged().isEmpty()) {
                    out.println("Flagged parameters: " + String.join(", ", outcome.quarantine().flagged()));
                }
                out.println();
                out.printf("Until the phone boots clean, ztpbox serves it an empty override: it must fetch its"
                        + " configuration from ztpbox and ask for its override, then upload a fresh override without"
                        + " the flagged parameters, or upload none for %d minutes.%n",
                        CleanBoot.DEFAULT_GRACE.toMinutes());
                out.printf("Next: reset the phone ('ztpbox reset-guide %s'); undo with 'ztpbox restore-overrides"
                        + " %s'.%n", phone.mac, phone.mac);
                if (!findings.isEmpty()) {
                    out.println();
                    out.println("What the quarantined files overrode:");
                    out.print(FindingText.blocks(findings));
                }
            }
        }
        out.flush();
        return 0;
    }
}
