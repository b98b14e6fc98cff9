package org.ztpbox.provisioning;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ztpbox.core.OverrideQuarantine;
import org.ztpbox.core.PhoneEvent;

/**
 * Quarantine actions as events of the phone's timeline, source {@code ztpbox}: the admin sees when
 * the overrides went aside, when the phone booted clean, and when they came back.
 */
public final class QuarantineEvents {

    public static final String SOURCE = "ztpbox";

    private QuarantineEvents() {
    }

    public static PhoneEvent quarantined(OverrideQuarantine q) {
        return event(q.startedAt(), q, "QUARANTINE", "override files quarantined by " + q.startedBy() + " ("
                + q.reason() + "): " + (q.files().isEmpty() ? "none present" : String.join(", ", q.files()))
                + " moved to " + q.location() + "; the phone is served empty overrides until it boots clean");
    }

    public static PhoneEvent released(OverrideQuarantine q, Instant at, String reason) {
        return event(at, q, "RELEASE", "quarantine " + q.id() + " released: " + reason);
    }

    public static PhoneEvent restored(OverrideQuarantine q, Instant at, String by) {
        return event(at, q, "RESTORE", "override files of quarantine " + q.id() + " moved back by " + by);
    }

    private static PhoneEvent event(Instant at, OverrideQuarantine q, String type, String summary) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("quarantine", Long.toString(q.id()));
        d.put("summary", summary);
        return new PhoneEvent(at, q.mac(), SOURCE, type, d);
    }
}
