package org.ztpbox.provisioning;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.ztpbox.core.OverrideQuarantine;
import org.ztpbox.core.PhoneEvent;
import org.ztpbox.core.UploadName;

/**
 * Decides when a quarantined phone has <em>booted clean</em>, so that its own override uploads are
 * served again. After the quarantine began, the phone must have
 * <ol>
 * <li>fetched a configuration file from ztpbox (its master {@code 000000000000.cfg} / {@code <mac>.cfg}
 *     or another {@code .cfg}) and then asked for its override file, which got the empty override:
 *     it booted through ztpbox with no overrides; and then either</li>
 * <li>uploaded a fresh override that holds none of the parameters flagged when the files were
 *     quarantined (a reset phone writes only what was changed on it since), or</li>
 * <li>let {@code grace} pass after that boot without uploading an override.</li>
 * </ol>
 * A fresh upload that still holds a flagged parameter means the phone kept its old settings (it
 * was not factory-reset): the quarantine stays active and the verdict says why.
 */
public final class CleanBoot {

    /** The default wait for a fresh upload after a clean boot. */
    public static final Duration DEFAULT_GRACE = Duration.ofMinutes(15);

    private CleanBoot() {
    }

    /** @param clean true when the quarantine may end; {@code reason} says why, or what is missing */
    public record Verdict(boolean clean, String reason) {
    }

    /**
     * @param events          the phone's events, oldest first
     * @param currentOverride the parameters of the phone's current upload of an override file
     *                        (empty when there is none; an unreadable file throws
     *                        {@link IllegalArgumentException} from the function and counts as flagged)
     */
    public static Verdict evaluate(OverrideQuarantine q, List<PhoneEvent> events,
            java.util.function.Function<UploadName, Optional<Map<String, String>>> currentOverride,
            Instant now, Duration grace) {
        boolean configFetched = false;
        Instant bootedAt = null;
        List<UploadName> uploaded = new ArrayList<>();
        for (PhoneEvent e : events) {
            if (e.at().isBefore(q.startedAt())) {
                continue;
            }
            Optional<FileAccess> access = FileAccess.of(e);
            if (access.isEmpty() || !access.get().ok()) {
                continue;
            }
            FileAccess a = access.get();
            if (!a.upload() && a.isServedConfig()) {
                configFetched = true;
            } else if (!a.upload() && a.isOverride() && configFetched && bootedAt == null) {
                bootedAt = e.at();
            } else if (a.upload() && a.isOverride() && bootedAt != null) {
                a.uploadName().ifPresent(n -> {
                    if (!uploaded.contains(n)) {
                        uploaded.add(n);
                    }
                });
            }
        }
        if (bootedAt == null) {
            return new Verdict(false, "has not booted through ztpbox since the quarantine began (no configuration"
                    + " fetch followed by a request for its override file)");
        }
        if (!uploaded.isEmpty()) {
            for (UploadName name : uploaded) {
                TreeSet<String> held = new TreeSet<>();
                try {
                    currentOverride.apply(name).ifPresent(params -> params.keySet().stream()
                            .filter(q.flagged()::contains).forEach(held::add));
                } catch (IllegalArgumentException unreadable) {
                    return new Verdict(false, "its fresh " + name.fileName() + " cannot be read ("
                            + unreadable.getMessage() + "), so it may still hold the old settings");
                }
                if (!held.isEmpty()) {
                    return new Verdict(false, "its fresh " + name.fileName() + " still holds " + String.join(", ", held)
                            + ": the old settings are still on the phone (was it factory-reset?)");
                }
            }
            return new Verdict(true, "booted through ztpbox with empty overrides at " + bootedAt
                    + " and uploaded a fresh " + uploaded.get(0).fileName() + " without the flagged parameters");
        }
        if (!now.isBefore(bootedAt.plus(grace))) {
            return new Verdict(true, "booted through ztpbox with empty overrides at " + bootedAt
                    + " and uploaded no override within " + grace.toMinutes() + " min");
        }
        return new Verdict(false, "booted through ztpbox with empty overrides at " + bootedAt
                + "; waiting until " + bootedAt.plus(grace) + " for a fresh override upload");
    }
}
