package org.ztpbox.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.ztpbox.core.OverrideQuarantine;
import org.ztpbox.core.PhoneEvent;
import org.ztpbox.diagnose.Finding;
import org.ztpbox.diagnose.FindingText;
import org.ztpbox.diagnose.StaleOverrides;
import org.ztpbox.provisioning.CleanBoot;
import org.ztpbox.provisioning.QuarantineEvents;
import org.ztpbox.provisioning.QuarantineService;
import picocli.CommandLine.Command;

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
public final class PrepareResetCommand extends QuarantineAction {

    public PrepareResetCommand(ApplianceRuntime runtime) {
        super(runtime);
    }

    @Override
    PhoneEvent act(Context c) throws IOException {
        StaleOverrides stale = PhoneDiagnosis.staleOverrides(c.config(), c.runtime(), c.files(), c.quarantines(),
                c.clock());
        List<Finding> findings = stale.forPhone(phone.mac);
        QuarantineService.Outcome outcome = new QuarantineService(c.config().stateDir(), c.files(), c.quarantines(),
                c.clock()).quarantine(phone.mac, actor.who(), actor.why("prepare reset"),
                stale.flaggedParameters(phone.mac));
        // The reset erases the phone's encryption key: files encrypted with it would fail to load.
        boolean keyForgotten = c.runtime().forgetKey(c.config(), phone.mac);
        if (json) {
            Map<String, Object> json = QuarantineOutput.json(outcome, findings);
            json.put("encryption_key_forgotten", keyForgotten);
            c.out().println(Json.write(json));
        } else {
            print(c.out(), outcome, findings);
            if (keyForgotten) {
                c.out().println("Forgot the phone's configuration encryption key (the reset erases it): it receives"
                        + " the current key again at its next provisioning over HTTPS.");
            }
        }
        return QuarantineEvents.quarantined(outcome.quarantine());
    }

    private void print(PrintWriter out, QuarantineService.Outcome outcome, List<Finding> findings) {
        OverrideQuarantine q = outcome.quarantine();
        out.printf("Quarantine %d of %s by %s (%s), files kept in %s:%n", q.id(), phone.mac, q.startedBy(),
                q.reason(), q.location());
        if (outcome.moves().isEmpty()) {
            out.println("  the phone has no override files on ztpbox; nothing moved");
        }
        outcome.moves().forEach(m -> out.println("  " + m));
        if (!q.flagged().isEmpty()) {
            out.println("Flagged parameters: " + String.join(", ", q.flagged()));
        }
        out.println();
        out.printf("Until the phone boots clean, ztpbox serves it an empty override: it must fetch its configuration"
                + " from ztpbox and ask for its override, then upload a fresh override without the flagged"
                + " parameters, or upload none for %d minutes.%n", CleanBoot.DEFAULT_GRACE.toMinutes());
        out.printf("Next: reset the phone ('ztpbox reset-guide %s'); undo with 'ztpbox restore-overrides %s'.%n",
                phone.mac, phone.mac);
        if (!findings.isEmpty()) {
            out.println();
            out.println("What the quarantined files overrode:");
            out.print(FindingText.blocks(findings));
        }
    }
}
