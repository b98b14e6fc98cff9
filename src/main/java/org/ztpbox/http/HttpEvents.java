package org.ztpbox.http;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.PhoneEvent;
import org.ztpbox.core.Transport;
import org.ztpbox.http.auth.Identity;

/**
 * Turns HTTP requests into {@link PhoneEvent}s for the phones' timelines. Recorded: every request
 * that concerns a phone (a Poly User-Agent, or a MAC from the path, SN tag, credentials or
 * certificate), every upload, and every 401/403 whoever asked, since a refused request is what an
 * admin needs to see. A browser fetching a shared file goes to the access log only. Passwords are
 * never recorded; the user name is.
 */
public final class HttpEvents {

    public static final String SOURCE = "http";

    private HttpEvents() {
    }

    /** What one request was and how it ended. */
    public record Outcome(Instant at, String client, Transport transport, String method, String path, int status,
                          long bytes, UserAgent agent, Identity identity, MacAddress phone, String auth, String note) {
    }

    public static boolean worthRecording(Outcome o) {
        return o.phone() != null || o.agent() != null || o.method().equals("PUT") || o.status() == 401
                || o.status() == 403;
    }

    public static PhoneEvent of(Outcome o) {
        Map<String, String> d = new HashMap<>();
        d.put("client", o.client());
        d.put("transport", o.transport().name().toLowerCase(java.util.Locale.ROOT));
        d.put("path", o.path());
        d.put("status", Integer.toString(o.status()));
        d.put("bytes", Long.toString(o.bytes()));
        put(d, "auth", o.auth());
        if (o.identity() != null) {
            put(d, "user", o.identity().user());
            if (!o.identity().via().equals("none") && !o.identity().via().equals("-")) {
                d.put("auth_via", o.identity().via());
            }
        }
        UserAgent agent = o.agent();
        if (agent != null) {
            d.put("model", agent.model());
            d.put("firmware", agent.version());
            put(d, "stage", agent.stage());
            FirmwareFamily family = FirmwareFamily.of(agent);
            if (family != null) {
                d.put("family", family.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        put(d, "note", o.note());
        return new PhoneEvent(o.at(), o.phone(), SOURCE, o.method(), d);
    }

    private static void put(Map<String, String> d, String key, String value) {
        if (value != null && !value.isEmpty()) {
            d.put(key, value);
        }
    }
}
