package org.ztpbox.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.ztpbox.config.ZtpboxConfig;
import org.ztpbox.core.LeaseStore;
import org.ztpbox.core.QuarantineStore;
import org.ztpbox.provisioning.QuarantineEvents;
import org.ztpbox.provisioning.QuarantineException;
import org.ztpbox.provisioning.QuarantineService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ztpbox restore-overrides MAC}: moves the phone's quarantined override files back. */
@Command(name = "restore-overrides", mixinStandardHelpOptions = true,
        description = {"Move the override files of the phone's latest quarantine back where the phone's uploads are,"
                + " and serve them to it again. A file the phone uploaded since is kept in the quarantine directory."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:restored", "1:failure, or nothing to restore", "2:usage error"})
public final class RestoreOverridesCommand implements Callable<Integer> {

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

    public RestoreOverridesCommand(ApplianceRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Integer call() throws IOException {
        ZtpboxConfig c = config.load();
        Clock clock = Clock.systemUTC();
        PrintWriter out = spec.commandLine().getOut();
        try (LeaseStore events = runtime.openStore(c); QuarantineStore quarantines = runtime.openQuarantines(c)) {
            QuarantineService service = new QuarantineService(c.stateDir(), PhoneDiagnosis.overrideFiles(c), quarantines,
                    clock);
            QuarantineService.Outcome outcome;
            try {
                outcome = service.restore(phone.mac, actor.who(), actor.why("restored by the admin"));
            } catch (QuarantineException e) {
                spec.commandLine().getErr().println("ztpbox: " + e.getMessage());
                return 1;
            }
            events.commit(List.of(), List.of(QuarantineEvents.restored(outcome.quarantine(), clock.instant(),
                    actor.who())));
            if (json) {
                out.println(Json.write(QuarantineOutput.json(outcome, List.of())));
            } else {
                out.printf("Quarantine %d of %s restored by %s:%n", outcome.quarantine().id(), phone.mac, actor.who());
                if (outcome.moves().isEmpty()) {
                    out.println("  it held no files; nothing moved");
                }
                outcome.moves().forEach(m -> out.println("  " + m));
                out.println("The phone is served its own override files again.");
            }
        }
        out.flush();
        return 0;
    }
}
