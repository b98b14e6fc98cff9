package org.ztpbox.diagnose;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.PhoneEvent;

/**
 * Findings as stored events (source {@code doctor}), so that they outlive the log and a phone's
 * timeline shows the findings about it: type {@code FINDING} when one appears, {@code RESOLVED}
 * when it is gone. Everything in them is already masked.
 */
public final class FindingEvents {

    public static final String SOURCE = "doctor";

    private FindingEvents() {
    }

    public static PhoneEvent appeared(Finding f) {
        return event(f, "FINDING");
    }

    public static PhoneEvent resolved(Finding f, java.time.Instant at) {
        return event(new Finding(f.code(), f.severity(), f.subject(), f.summary(), f.evidence(), f.fix(), at),
                "RESOLVED");
    }

    private static PhoneEvent event(Finding f, String type) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("code", f.code());
        d.put("severity", f.severity().name());
        d.put("subject", f.subject());
        d.put("summary", f.summary());
        d.put("evidence", String.join("\n", f.evidence()));
        d.put("fix", f.fix());
        return new PhoneEvent(f.at(), macOf(f.subject()), SOURCE, type, d);
    }

    /** A finding about one phone has its MAC as subject; anything else (a server, a path) has none. */
    private static MacAddress macOf(String subject) {
        if (subject == null || !subject.matches("(?i)[0-9a-f]{2}(:[0-9a-f]{2}){5}")) {
            return null;
        }
        return MacAddress.parse(subject);
    }
}
