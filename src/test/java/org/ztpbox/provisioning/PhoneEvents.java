package org.ztpbox.provisioning;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.PhoneEvent;

/** Events as the file and DHCP servers record them, for tests of what reads them back. */
public final class PhoneEvents {

    public static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private final MacAddress mac;

    public PhoneEvents(MacAddress mac) {
        this.mac = mac;
    }

    public static Instant at(int minute, int second) {
        return T0.plusSeconds(minute * 60L + second);
    }

    public PhoneEvent http(Instant at, String method, String path, int status, String... extra) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("client", "10.0.0.57:40000");
        d.put("transport", "http");
        d.put("path", path);
        d.put("status", Integer.toString(status));
        d.put("bytes", "120");
        put(d, extra);
        return new PhoneEvent(at, mac, "http", method, d);
    }

    public PhoneEvent tftp(Instant at, String kind, String file, String result) {
        return new PhoneEvent(at, mac, "tftp", kind, Map.of("client", "10.0.0.57:2000", "file", file, "result", result,
                "bytes", "120"));
    }

    public PhoneEvent dhcp(Instant at, String type, String... details) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("xid", "1234");
        d.put("from", "0.0.0.0:68");
        put(d, details);
        return new PhoneEvent(at, mac, "dhcp", type, d);
    }

    private static void put(Map<String, String> d, String... pairs) {
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            d.put(pairs[i], pairs[i + 1]);
        }
    }
}
