package org.ztpbox.diagnose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ztpbox.core.LeaseStore;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.OverrideQuarantine;
import org.ztpbox.core.PhoneEvent;
import org.ztpbox.core.QuarantineStore;
import org.ztpbox.provisioning.OverrideFiles;
import org.ztpbox.provisioning.OverrideFiles.OverrideFile;
import org.ztpbox.provisioning.PolycomParameters;

/**
 * The override and reset findings of ztpbox, per phone or for all: stale override files
 * ({@link StaleOverrides}) and returns from a factory reset ({@link ResetDetector}). This is what
 * {@code ztpbox doctor}, {@code ztpbox timeline} and the appliance's log show.
 */
public final class ReversionChecks {

    /** How many of a phone's latest events are read. */
    static final int EVENTS_PER_PHONE = 2000;
    /** How many of the latest events {@link #all()} scans for phones. */
    static final int EVENTS_SCANNED = 50_000;

    private final Path stateDir;
    private final OverrideFiles files;
    private final StaleOverrides stale;
    private final QuarantineStore quarantines;
    private final LeaseStore events;
    private final ResetDetector detector;
    private final Clock clock;

    public ReversionChecks(Path stateDir, OverrideFiles files, StaleOverrides stale, QuarantineStore quarantines,
            LeaseStore events, ResetDetector detector, Clock clock) {
        this.stateDir = stateDir;
        this.files = files;
        this.stale = stale;
        this.quarantines = quarantines;
        this.events = events;
        this.detector = detector;
        this.clock = clock;
    }

    /** Findings about one phone: its override files, then its returns from a reset. */
    public List<Finding> forPhone(MacAddress mac) {
        return forPhone(mac, events.events(mac, EVENTS_PER_PHONE));
    }

    /** Like {@link #forPhone(MacAddress)}, with the phone's events already read (oldest first). */
    public List<Finding> forPhone(MacAddress mac, List<PhoneEvent> phoneEvents) {
        List<Finding> overrides = stale.forPhone(mac);
        List<Finding> out = new ArrayList<>(overrides);
        List<OverrideQuarantine> history = quarantines.history(mac);
        out.addAll(detector.detect(mac, phoneEvents, new ResetDetector.Context(history, uploads(mac, history),
                overrides), clock.instant()));
        return out;
    }

    /** Findings about every phone with override files or recent events. */
    public List<Finding> all() {
        List<Finding> out = new ArrayList<>(stale.all());
        Map<MacAddress, List<PhoneEvent>> byPhone = new LinkedHashMap<>();
        for (PhoneEvent e : events.events(null, EVENTS_SCANNED)) {
            if (e.mac() != null) {
                byPhone.computeIfAbsent(e.mac(), m -> new ArrayList<>()).add(e);
            }
        }
        byPhone.forEach((mac, phoneEvents) -> {
            List<OverrideQuarantine> history = quarantines.history(mac);
            out.addAll(detector.detect(mac, phoneEvents, new ResetDetector.Context(history, uploads(mac, history),
                    stale.forPhone(mac)), clock.instant()));
        });
        return out;
    }

    private List<ResetDetector.UploadChange> uploads(MacAddress mac, List<OverrideQuarantine> history) {
        List<ResetDetector.UploadChange> out = new ArrayList<>();
        for (OverrideFile current : files.of(mac)) {
            Map<String, String> now = parameters(current.path());
            if (now == null) {
                continue;
            }
            Path before = files.previous(current.name()).map(OverrideFile::path).orElse(null);
            for (int i = history.size() - 1; before == null && i >= 0; i--) {
                if (history.get(i).files().contains(current.name().fileName())) {
                    before = stateDir.resolve(history.get(i).location()).resolve(current.name().fileName());
                }
            }
            Map<String, String> previous = before == null ? null : parameters(before);
            out.add(new ResetDetector.UploadChange(current.name().fileName(), current.modified(), now,
                    previous == null ? Map.of() : previous));
        }
        return out;
    }

    private static Map<String, String> parameters(Path file) {
        try {
            return Files.isRegularFile(file) ? PolycomParameters.parse(Files.readAllBytes(file)) : null;
        } catch (IOException | IllegalArgumentException unreadable) {
            return null; // an unreadable file has its own finding in StaleOverrides
        }
    }
}
