package org.ztpbox.diagnose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.PhoneEvent;
import org.ztpbox.provisioning.QuarantineEvents;

/**
 * A phone's events as readable lines, one per event, DHCP through uploads, secrets masked. A DHCP
 * message that names another server says so: {@code server 192.0.2.1 (not ztpbox)}.
 */
public final class Timeline {

    private final Ipv4Address own;

    /** @param own ztpbox's own address (its DHCP server identifier), or null when unknown */
    public Timeline(Ipv4Address own) {
        this.own = own;
    }

    /** {@code 2024-05-01T10:00:00.123Z  dhcp  REQUEST    asks for 10.0.0.57, server 192.0.2.1 (not ztpbox), ...}. */
    public String line(PhoneEvent e) {
        return String.format("%-24s  %-6s %-10s %s", e.at(), e.source(), e.type(), summary(e));
    }

    /** The event's details, secrets masked, sorted by name. */
    public static Map<String, String> shownDetails(PhoneEvent e) {
        Map<String, String> out = new LinkedHashMap<>();
        new TreeMap<>(e.details()).forEach((k, v) -> out.put(k, Secrets.show(k, v)));
        return out;
    }

    /** What happened, in words, without time, source and type. */
    public String summary(PhoneEvent e) {
        Map<String, String> d = shownDetails(e);
        return switch (e.source()) {
            case "dhcp" -> dhcp(d);
            case "http" -> http(e.type(), d);
            case "tftp" -> tftp(d);
            case QuarantineEvents.SOURCE -> String.valueOf(d.get("summary"));
            default -> generic(d);
        };
    }

    /** How a DHCP server identifier reads: {@code server 192.0.2.1 (not ztpbox)}. */
    public String server(String serverId) {
        if (own == null) {
            return "server " + serverId;
        }
        return "server " + serverId + (serverId.equals(own.toString()) ? " (ztpbox)" : " (not ztpbox)");
    }

    private String dhcp(Map<String, String> d) {
        List<String> parts = new ArrayList<>();
        add(parts, "from ", host(d.get("from")));
        add(parts, "client ", d.get("client_address"));
        add(parts, "via relay ", d.get("relay"));
        add(parts, "asks for ", d.get("requested_address"));
        if (d.get("server_id") != null) {
            parts.add(server(d.get("server_id")));
        }
        if (d.get("model") != null) {
            parts.add(d.get("model") + ("boot".equals(d.get("stage")) ? " in its boot stage (Updater/BootROM)" : ""));
        }
        if (d.get("reply") != null) {
            parts.add("ztpbox answered " + d.get("reply") + (d.get("address") != null ? " " + d.get("address") : "")
                    + (d.get("provisioning_url") != null ? ", provisioning " + d.get("provisioning_url") : ""));
        } else if (d.get("outcome") != null) {
            parts.add("ztpbox did not answer: " + d.get("outcome"));
        }
        return String.join(", ", parts);
    }

    private static String http(String method, Map<String, String> d) {
        StringBuilder sb = new StringBuilder(String.valueOf(d.get("path")));
        sb.append(" -> ").append(d.get("status"));
        if (d.get("bytes") != null && !"0".equals(d.get("bytes"))) {
            sb.append(", ").append(d.get("bytes")).append(method.equals("PUT") ? " bytes received" : " bytes");
        }
        if (d.get("client") != null) {
            sb.append(", from ").append(host(d.get("client")));
        }
        if (d.get("model") != null) {
            sb.append(", ").append(d.get("model")).append(' ').append(d.get("firmware"));
            if (d.get("stage") != null) {
                sb.append(' ').append(d.get("stage"));
            }
        }
        if (d.get("user") != null) {
            sb.append(", user ").append(d.get("user"));
        }
        if (d.get("note") != null) {
            sb.append(" (").append(d.get("note")).append(')');
        }
        return sb.toString();
    }

    private static String tftp(Map<String, String> d) {
        StringBuilder sb = new StringBuilder(String.valueOf(d.get("file")));
        if (d.get("client") != null) {
            sb.append(" from ").append(host(d.get("client")));
        }
        sb.append(" -> ").append(d.get("result"));
        if (d.get("bytes") != null) {
            sb.append(", ").append(d.get("bytes")).append(" bytes");
        }
        if (d.get("detail") != null) {
            sb.append(": ").append(d.get("detail"));
        }
        return sb.toString();
    }

    private static String generic(Map<String, String> d) {
        List<String> parts = new ArrayList<>();
        d.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(" ", parts);
    }

    private static void add(List<String> parts, String label, String value) {
        if (value != null && !value.isEmpty() && !value.equals("0.0.0.0")) {
            parts.add(label + value);
        }
    }

    /** {@code 10.0.0.57:68} to {@code 10.0.0.57}; the port says nothing to the admin. */
    private static String host(String address) {
        if (address == null) {
            return null;
        }
        int colon = address.lastIndexOf(':');
        return colon > 0 && address.indexOf(':') == colon ? address.substring(0, colon) : address;
    }
}
