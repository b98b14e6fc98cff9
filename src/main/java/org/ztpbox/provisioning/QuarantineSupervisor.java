package org.ztpbox.provisioning;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ztpbox.core.EventSink;
import org.ztpbox.core.LeaseStore;
import org.ztpbox.core.OverrideQuarantine;
import org.ztpbox.core.QuarantineStore;
import org.ztpbox.core.UploadName;

/**
 * The appliance's side of quarantines, run periodically: keeps the file servers' snapshot of active
 * quarantines in step with the store (the command line changes it from another process), and ends
 * the quarantine of each phone that has {@link CleanBoot booted clean}, with an event in its timeline.
 */
public final class QuarantineSupervisor {

    /** How many of a phone's latest events a clean-boot check reads. */
    private static final int EVENTS_PER_PHONE = 2000;

    private final QuarantineStore store;
    private final ActiveQuarantines active;
    private final QuarantineService service;
    private final OverrideFiles overrides;
    private final LeaseStore events;
    private final EventSink timeline;
    private final Duration grace;
    private final Clock clock;

    public QuarantineSupervisor(QuarantineStore store, ActiveQuarantines active, QuarantineService service,
            OverrideFiles overrides, LeaseStore events, EventSink timeline, Duration grace, Clock clock) {
        this.store = store;
        this.active = active;
        this.service = service;
        this.overrides = overrides;
        this.events = events;
        this.timeline = timeline;
        this.grace = grace;
        this.clock = clock;
    }

    /** Reloads the active quarantines into the snapshot the catalog reads. */
    public void refresh() {
        active.replace(store.active());
    }

    /** Releases every quarantine whose phone booted clean; returns one line per release, for the log. */
    public List<String> releaseCleanBoots() throws IOException {
        List<String> released = new ArrayList<>();
        for (OverrideQuarantine q : store.active()) {
            CleanBoot.Verdict verdict = CleanBoot.evaluate(q, events.events(q.mac(), EVENTS_PER_PHONE),
                    this::currentParameters, clock.instant(), grace);
            if (verdict.clean() && service.release(q, verdict.reason())) {
                timeline.record(QuarantineEvents.released(q, clock.instant(), verdict.reason()));
                released.add("phone " + q.mac() + " booted clean; quarantine " + q.id() + " released, its own"
                        + " overrides are served again (old files kept in " + q.location() + "): " + verdict.reason());
            }
        }
        refresh();
        return released;
    }

    private Optional<Map<String, String>> currentParameters(UploadName name) {
        try {
            var path = overrides.uploads().pathOf(name);
            return Files.isRegularFile(path) ? Optional.of(PolycomParameters.parse(Files.readAllBytes(path)))
                    : Optional.empty();
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
