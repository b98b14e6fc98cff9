package org.ztpbox.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.ztpbox.config.ZtpboxConfig;
import org.ztpbox.core.LeaseStore;
import org.ztpbox.core.PhoneEvent;
import org.ztpbox.core.QuarantineStore;
import org.ztpbox.provisioning.OverrideFiles;
import org.ztpbox.provisioning.QuarantineException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What {@code prepare-reset} and {@code restore-overrides} share: the phone, who and why, the stores
 * opened beside a running appliance, the action's event in the phone's timeline, and exit code 1
 * when the quarantine rules refuse the action.
 */
abstract class QuarantineAction implements Callable<Integer> {

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

    QuarantineAction(ApplianceRuntime runtime) {
        this.runtime = runtime;
    }

    /** What the action needs, opened for it. */
    record Context(ZtpboxConfig config, ApplianceRuntime runtime, QuarantineStore quarantines, OverrideFiles files,
            Clock clock, PrintWriter out) {
    }

    /**
     * Does the action and prints its report; returns the event for the phone's timeline.
     *
     * @throws QuarantineException when the rules refuse it (exit 1, the message on stderr)
     */
    abstract PhoneEvent act(Context context) throws IOException;

    @Override
    public final Integer call() throws IOException {
        ZtpboxConfig c = config.load();
        PrintWriter out = spec.commandLine().getOut();
        try (LeaseStore events = runtime.openStore(c); QuarantineStore quarantines = runtime.openQuarantines(c)) {
            PhoneEvent event;
            try {
                event = act(new Context(c, runtime, quarantines, PhoneDiagnosis.overrideFiles(c), Clock.systemUTC(),
                        out));
            } catch (QuarantineException e) {
                spec.commandLine().getErr().println("ztpbox: " + e.getMessage());
                return 1;
            }
            events.commit(List.of(), List.of(event));
        }
        out.flush();
        return 0;
    }
}
