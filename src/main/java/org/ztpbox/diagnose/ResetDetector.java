package org.ztpbox.diagnose;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.OverrideQuarantine;
import org.ztpbox.core.PhoneEvent;
import org.ztpbox.provisioning.FileAccess;

/**
 * Recognises a phone coming back after a factory reset, and checks its first provisioning.
 *
 * <p>Heuristics (polycom-provisioning.md §1.1, §3.1, §3.6 and §6): a <em>boot sequence</em> starts
 * with a boot-stage signal (DHCP option 60 in the BootROM/Updater stage, an HTTP User-Agent
 * {@code Type/Updater}, an upload of {@code <mac>-boot.log}); signals closer than
 * {@link #SEQUENCE_GAP} belong to the same sequence (a reset reboots the phone more than once). A
 * sequence is a return from a reset when, besides starting in the boot stage, at least one of these
 * holds:
 * <ul>
 * <li>the phone was silent for at least {@code absence} before, and the sequence fetched its master
 *     configuration afresh ({@code 000000000000.cfg} or {@code <mac>.cfg}, 200);</li>
 * <li>device settings are gone from its uploads: an override uploaded during the sequence lacks
 *     {@code device.*} or flagged parameters the previous version of that file held;</li>
 * <li>the admin prepared the reset: a quarantine was active when the sequence began.</li>
 * </ul>
 * The first provisioning (the sequence, at most {@link #PROVISIONING_WINDOW}) is then checked
 * against the expected one: the phone fetched configuration from ztpbox, got its per-phone file
 * (a MAC-named {@code .cfg}), and no stale override was served to it.
 */
public final class ResetDetector {

    /** Between the MAC and the time in the summary of every reset finding ({@link #returnedAt} reads it). */
    private static final String RETURNED_AT = " came back after a factory reset at ";

    public static final Duration DEFAULT_ABSENCE = Duration.ofMinutes(30);
    static final Duration SEQUENCE_GAP = Duration.ofMinutes(10);
    static final Duration PROVISIONING_WINDOW = Duration.ofMinutes(30);
    /** A return younger than this is still provisioning: missing fetches are not yet a finding. */
    static final Duration SETTLE = Duration.ofMinutes(10);

    private final Duration absence;
    private final Timeline timeline;

    /** @param timeline formats the evidence lines and knows ztpbox's own DHCP server identifier */
    public ResetDetector(Duration absence, Timeline timeline) {
        this.absence = absence;
        this.timeline = timeline;
    }

    /** What the detector reads about the phone besides its events. */
    public record Context(List<OverrideQuarantine> quarantines, List<UploadChange> uploads,
            List<Finding> staleOverrides) {
    }

    /**
     * An override upload with the parameters of the version it replaced.
     *
     * @param previous the replaced version's parameters (the kept {@code .previous}, else the latest
     *                 quarantined copy); empty when unknown
     */
    public record UploadChange(String fileName, Instant uploadedAt, Map<String, String> current,
            Map<String, String> previous) {
    }

    /**
     * When the phone a finding of {@link #detect} is about came back from its factory reset (the
     * start of that boot sequence); empty for any other finding.
     */
    public static Optional<Instant> returnedAt(Finding finding) {
        int i = finding.summary().indexOf(RETURNED_AT);
        if (!finding.code().startsWith("reset-") || i < 0) {
            return Optional.empty();
        }
        String rest = finding.summary().substring(i + RETURNED_AT.length());
        int end = rest.indexOf(' ');
        try {
            return Optional.of(Instant.parse(end < 0 ? rest : rest.substring(0, end)));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Findings for every return from a reset found in the events (oldest first). */
    public List<Finding> detect(MacAddress mac, List<PhoneEvent> events, Context context, Instant now) {
        List<Finding> out = new ArrayList<>();
        List<Integer> starts = sequenceStarts(events);
        for (int s = 0; s < starts.size(); s++) {
            int start = starts.get(s);
            Instant at = events.get(start).at();
            Instant windowEnd = at.plus(PROVISIONING_WINDOW);
            if (s + 1 < starts.size() && events.get(starts.get(s + 1)).at().isBefore(windowEnd)) {
                windowEnd = events.get(starts.get(s + 1)).at();
            }
            List<PhoneEvent> window = new ArrayList<>();
            for (int i = start; i < events.size() && events.get(i).at().isBefore(windowEnd); i++) {
                window.add(events.get(i));
            }
            List<String> signs = resetSigns(events, start, window, context, at);
            if (signs.size() > 1) {
                out.addAll(checkProvisioning(mac, at, signs, window, context, now));
            }
        }
        return out;
    }

    private static List<Integer> sequenceStarts(List<PhoneEvent> events) {
        List<Integer> starts = new ArrayList<>();
        Instant lastSignal = null;
        for (int i = 0; i < events.size(); i++) {
            if (bootStage(events.get(i)) != null) {
                Instant at = events.get(i).at();
                if (lastSignal == null || Duration.between(lastSignal, at).compareTo(SEQUENCE_GAP) > 0) {
                    starts.add(i);
                }
                lastSignal = at;
            }
        }
        return starts;
    }

    /** Why the event shows the boot stage, or null when it does not. */
    static String bootStage(PhoneEvent e) {
        if (e.source().equals("dhcp") && "boot".equals(e.detail("stage"))) {
            return "DHCP " + e.type() + " in the boot stage (option 60: BootROM/Updater)";
        }
        if (e.source().equals("http") && e.detail("stage") != null
                && e.detail("stage").toLowerCase(Locale.ROOT).equals("updater")) {
            return "HTTP " + e.type() + " from the Updater (User-Agent Type/Updater)";
        }
        Optional<FileAccess> access = FileAccess.of(e);
        if (access.isPresent() && access.get().upload() && access.get().name().toLowerCase(Locale.ROOT)
                .endsWith("-boot.log")) {
            return "upload of " + access.get().name() + " (the Updater's log)";
        }
        return null;
    }

    private List<String> resetSigns(List<PhoneEvent> events, int start, List<PhoneEvent> window, Context context,
            Instant at) {
        List<String> signs = new ArrayList<>();
        signs.add(at + ": new boot sequence: " + bootStage(events.get(start)));
        if (start > 0) {
            Instant before = events.get(start - 1).at();
            Duration gap = Duration.between(before, at);
            Optional<PhoneEvent> master = window.stream().filter(e -> FileAccess.of(e)
                    .filter(a -> !a.upload() && a.isMasterConfig()
                            && ("200".equals(e.detail("status")) || "completed".equals(e.detail("result"))))
                    .isPresent()).findFirst();
            if (gap.compareTo(absence) >= 0 && master.isPresent()) {
                signs.add("silent for " + words(gap) + " before (last event " + before + "), then a fresh fetch"
                        + " of its master configuration: " + timeline.line(master.get()));
            }
        }
        for (UploadChange u : context.uploads()) {
            if (!u.uploadedAt().isBefore(at) && u.uploadedAt().isBefore(at.plus(PROVISIONING_WINDOW))) {
                List<String> gone = u.previous().keySet().stream()
                        .filter(name -> !u.current().containsKey(name))
                        .filter(name -> name.toLowerCase(Locale.ROOT).startsWith("device.")
                                || ParameterClass.of(name, false).severity() == Severity.CRITICAL)
                        .toList();
                if (!gone.isEmpty()) {
                    signs.add("device settings gone from its uploads: " + u.fileName() + " uploaded " + u.uploadedAt()
                            + " no longer holds " + String.join(", ", gone) + " (the version before did)");
                }
            }
        }
        for (OverrideQuarantine q : context.quarantines()) {
            if (q.startedAt().isBefore(at) && (q.endedAt() == null || q.endedAt().isAfter(at))) {
                signs.add("the admin prepared the reset: quarantine " + q.id() + " by " + q.startedBy() + " at "
                        + q.startedAt() + " (" + q.reason() + ")");
            }
        }
        return signs;
    }

    private List<Finding> checkProvisioning(MacAddress mac, Instant at, List<String> signs, List<PhoneEvent> window,
            Context context, Instant now) {
        List<String> seen = new ArrayList<>();
        String otherServer = null;
        boolean fetched = false;
        boolean perPhone = false;
        boolean masterFetched = false;
        List<PhoneEvent> overridesServed = new ArrayList<>();
        for (PhoneEvent e : window) {
            if (e.source().equals("dhcp")) {
                seen.add(timeline.line(e));
                String serverId = e.detail("server_id");
                if (serverId != null && timeline.server(serverId).endsWith("(not ztpbox)")) {
                    otherServer = serverId;
                }
                continue;
            }
            Optional<FileAccess> access = FileAccess.of(e);
            if (access.isEmpty() || access.get().upload()) {
                continue;
            }
            FileAccess a = access.get();
            seen.add(timeline.line(e));
            if (!a.ok()) {
                continue;
            }
            fetched = true;
            masterFetched |= a.isMasterConfig();
            perPhone |= a.isServedConfig() && a.name().toLowerCase(Locale.ROOT).contains(mac.compact());
            if (a.isOverride() && !quarantinedAt(context.quarantines(), e.at())) {
                overridesServed.add(e);
            }
        }
        String returned = mac + RETURNED_AT + at;
        List<String> evidence = new ArrayList<>(signs);
        evidence.addAll(seen);
        List<Finding> out = new ArrayList<>();
        boolean settled = !now.isBefore(at.plus(SETTLE));
        if (!fetched && settled) {
            out.add(new Finding("reset-not-provisioned-by-ztpbox", Severity.CRITICAL, mac.toString(), returned
                    + " but fetched no configuration from ztpbox" + (otherServer == null ? ""
                    : "; it dealt with DHCP " + timeline.server(otherServer) + ", which may point it elsewhere"),
                    evidence, "Run 'ztpbox doctor' to find the DHCP server handing out options 66/160 and remove them"
                    + " there, or set ztpbox as the phone's server in its Setup menu ('ztpbox reset-guide " + mac
                    + "').", now));
        }
        if (masterFetched && !perPhone && settled) {
            out.add(new Finding("reset-no-per-phone-config", Severity.WARNING, mac.toString(), returned
                    + " and fetched the master configuration from ztpbox, but no per-phone file", evidence,
                    "Add the phone to the inventory so that ztpbox generates its configuration, then reboot it.", now));
        }
        List<Finding> stale = context.staleOverrides().stream().filter(f -> f.severity() == Severity.CRITICAL).toList();
        if (!overridesServed.isEmpty() && !stale.isEmpty()) {
            List<String> more = new ArrayList<>(evidence);
            stale.forEach(f -> more.add(f.summary()));
            out.add(new Finding("reset-undone-by-override", Severity.CRITICAL, mac.toString(), returned
                    + " and was served its old override file again, which restores the old settings", more,
                    "Run 'ztpbox prepare-reset " + mac + "' to quarantine the override files, then reset the phone"
                    + " again ('ztpbox reset-guide " + mac + "').", now));
        }
        if (out.isEmpty() && fetched) {
            out.add(new Finding("reset-provisioned-by-ztpbox", Severity.INFO, mac.toString(), returned
                    + " and was provisioned by ztpbox" + (perPhone ? " with its per-phone file" : ""), evidence,
                    "", now));
        }
        return out;
    }

    private static boolean quarantinedAt(List<OverrideQuarantine> quarantines, Instant at) {
        return quarantines.stream().anyMatch(q -> !q.startedAt().isAfter(at)
                && (q.endedAt() == null || q.endedAt().isAfter(at)));
    }

    private static String words(Duration d) {
        long minutes = d.toMinutes();
        return minutes >= 120 ? minutes / 60 + " h " + minutes % 60 + " min" : minutes + " min";
    }
}
