package org.ztpbox.cli;

import java.io.IOException;
import java.util.List;
import org.ztpbox.core.PhoneEvent;
import org.ztpbox.provisioning.QuarantineEvents;
import org.ztpbox.provisioning.QuarantineService;
import picocli.CommandLine.Command;

/** {@code ztpbox restore-overrides MAC}: moves the phone's quarantined override files back. */
@Command(name = "restore-overrides", mixinStandardHelpOptions = true,
        description = {"Move the override files of the phone's latest quarantine back where the phone's uploads are,"
                + " and serve them to it again. A file the phone uploaded since is kept in the quarantine directory."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:restored", "1:failure, or nothing to restore", "2:usage error"})
public final class RestoreOverridesCommand extends QuarantineAction {

    public RestoreOverridesCommand(ApplianceRuntime runtime) {
        super(runtime);
    }

    @Override
    PhoneEvent act(Context c) throws IOException {
        QuarantineService.Outcome outcome = new QuarantineService(c.config().stateDir(), c.files(), c.quarantines(),
                c.clock()).restore(phone.mac, actor.who(), actor.why("restored by the admin"));
        if (json) {
            c.out().println(Json.write(QuarantineOutput.json(outcome, List.of())));
        } else {
            c.out().printf("Quarantine %d of %s restored by %s:%n", outcome.quarantine().id(), phone.mac, actor.who());
            if (outcome.moves().isEmpty()) {
                c.out().println("  it held no files; nothing moved");
            }
            outcome.moves().forEach(m -> c.out().println("  " + m));
            c.out().println("The phone is served its own override files again.");
        }
        return QuarantineEvents.restored(outcome.quarantine(), c.clock().instant(), actor.who());
    }
}
