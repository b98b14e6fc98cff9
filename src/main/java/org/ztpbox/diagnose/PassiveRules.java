package org.ztpbox.diagnose;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.ztpbox.core.DhcpProbeReport;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.PhoneEvent;

/**
 * Findings from what ztpbox's own listeners recorded, without sending anything:
 * <ul>
 *   <li>phones whose DHCPREQUEST names another server identifier: they took their lease there
 *       (ztpbox sees every broadcast REQUEST, even in watch mode);</li>
 *   <li>such phones that fetched nothing from ztpbox since (after a grace period);</li>
 *   <li>phones asking ztpbox for files under a path it does not serve, named as phones name their
 *       files: they were given another provider's address, on this box's IP.</li>
 * </ul>
 * A server the probe found stale makes the first two CRITICAL. The probe's own traffic is ignored.
 */
final class PassiveRules {

    static final String LEASE_ELSEWHERE = "dhcp-lease-elsewhere";
    static final String NOT_PROVISIONED = "phone-not-provisioned-here";
    static final String FOREIGN_PATH = "foreign-provisioning-path";

    private static final int MAX_EVIDENCE = 10;
    private static final Pattern PHONE_FILE = Pattern.compile("(?i)([0-9a-f]{12}(\\.cfg|-phone\\.cfg|-web\\.cfg"
            + "|-license\\.cfg|-directory\\.xml|-calls\\.xml|-app\\.log|-boot\\.log)|[\\w.-]*sip\\.ld|[\\w.-]*bootrom\\.ld"
            + "|[\\w.-]+\\.cfg)");

    private final OwnServer own;
    private final Duration grace;

    /** @param grace how long a phone may take from its lease to its first fetch before it counts as missing */
    PassiveRules(OwnServer own, Duration grace) {
        this.own = own;
        this.grace = grace;
    }

    /** @param servers what the probe found, by server address; empty when there was no probe */
    List<Finding> of(List<PhoneEvent> events, Map<String, DhcpServerView> servers, Instant now) {
        List<Finding> out = new ArrayList<>();
        Map<String, List<PhoneEvent>> byServer = new LinkedHashMap<>();
        Map<MacAddress, PhoneEvent> lastElsewhere = new LinkedHashMap<>();
        for (PhoneEvent e : events) {
            if (isPhoneRequestElsewhere(e)) {
                byServer.computeIfAbsent(e.detail("server_id"), k -> new ArrayList<>()).add(e);
                lastElsewhere.put(e.mac(), e);
            }
        }
        byServer.forEach((server, requests) -> out.add(leaseElsewhere(server, requests, servers.get(server), now)));
        lastElsewhere.forEach((mac, request) -> {
            if (request.at().plus(grace).isBefore(now) && !fetchedSince(mac, request, events)) {
                out.add(notProvisioned(mac, request, servers.get(request.detail("server_id")), now));
            }
        });
        out.addAll(foreignPaths(events, now));
        return out;
    }

    private boolean isPhoneRequestElsewhere(PhoneEvent e) {
        String serverId = e.detail("server_id");
        return "dhcp".equals(e.source()) && "REQUEST".equals(e.type()) && e.mac() != null
                && !DhcpProbeReport.isProbeMac(e.mac()) && "true".equals(e.detail("phone")) && serverId != null
                && !serverId.equals(own.address().toString());
    }

    private Finding leaseElsewhere(String server, List<PhoneEvent> requests, DhcpServerView probed, Instant now) {
        long phones = requests.stream().map(PhoneEvent::mac).distinct().count();
        String who = phones == 1 ? "phone " + requests.get(0).mac() : phones + " phones";
        Severity severity;
        String what;
        String fix;
        if (probed != null && probed.role() == DhcpServerView.Role.STALE) {
            severity = Severity.CRITICAL;
            what = ", a server that points phones at another provisioning server (see " + ProbeFindings.STALE + ")";
            fix = "Remove options 66 and 160 from the DHCP server at " + probed.label() + " or switch it off; then"
                    + " restart the phones (factory-reset those that already took the old configuration).";
        } else if (probed != null) {
            severity = Severity.INFO;
            what = ", which gives phones no other provisioning server";
            fix = own.answersPhones() ? "Nothing to fix: such phones learn ztpbox's address from its answer to their"
                    + " DHCPINFORM." : "ztpbox is in watch mode: set dhcp.mode to phones-only so it answers these"
                    + " phones' DHCPINFORM, or serve.";
        } else {
            severity = Severity.WARNING;
            what = ", a server the probe did not hear from: what it hands phones is unknown";
            fix = "Find the DHCP server at " + server + " and check its options 66 and 160 (run ztpbox doctor while it"
                    + " is reachable on this LAN).";
        }
        String summary = who + " took " + (phones == 1 ? "its lease" : "their leases") + " from " + server
                + " (DHCPREQUEST naming server " + server + ")" + what;
        return new Finding(LEASE_ELSEWHERE, severity, server, summary, evidence(requests), fix, now);
    }

    private Finding notProvisioned(MacAddress mac, PhoneEvent request, DhcpServerView probed, Instant now) {
        String server = request.detail("server_id");
        boolean stale = probed != null && probed.role() == DhcpServerView.Role.STALE;
        String summary = "phone " + mac + model(request) + " took its lease from " + server + " at "
                + time(request.at()) + " and has fetched nothing from ztpbox since"
                + (stale ? ": it is being provisioned from " + server + "'s stale boot server" : "");
        String fix = stale ? "Fix the DHCP server at " + probed.label() + " (see " + ProbeFindings.STALE + "), then"
                + " factory-reset this phone (ztpbox reset-guide " + mac + ")."
                : "Check which boot server " + server + " gives phones, and the server stored in the phone (Settings,"
                + " Advanced, Provisioning Server); a factory reset (ztpbox reset-guide " + mac + ") clears the latter.";
        return new Finding(NOT_PROVISIONED, stale ? Severity.CRITICAL : Severity.WARNING, mac.toString(), summary,
                evidence(List.of(request)), fix, now);
    }

    /** True when the phone fetched anything over TFTP or HTTP after {@code request}, by MAC or by its address. */
    private static boolean fetchedSince(MacAddress mac, PhoneEvent request, List<PhoneEvent> events) {
        String address = Objects.requireNonNullElse(request.detail("requested_address"),
                Objects.toString(request.detail("client_address"), ""));
        for (PhoneEvent e : events) {
            if (e.at().isBefore(request.at()) || !("http".equals(e.source()) || "tftp".equals(e.source()))) {
                continue;
            }
            if (mac.equals(e.mac()) || (!address.isEmpty() && address.equals(clientIp(e.detail("client"))))) {
                return true;
            }
        }
        return false;
    }

    private List<Finding> foreignPaths(List<PhoneEvent> events, Instant now) {
        Map<String, List<PhoneEvent>> byDirectory = new LinkedHashMap<>();
        for (PhoneEvent e : events) {
            String path = notFoundPath(e);
            if (path == null) {
                continue;
            }
            int slash = path.lastIndexOf('/');
            String directory = path.substring(0, slash + 1);
            String file = path.substring(slash + 1);
            if (PHONE_FILE.matcher(file).matches() && !served(e.source(), directory)) {
                byDirectory.computeIfAbsent(directory, k -> new ArrayList<>()).add(e);
            }
        }
        List<Finding> out = new ArrayList<>();
        byDirectory.forEach((directory, requests) -> {
            long clients = requests.stream().map(r -> r.mac() != null ? r.mac().toString() : clientIp(r.detail("client")))
                    .distinct().count();
            String example = Secrets.mask(notFoundPath(requests.get(requests.size() - 1)));
            out.add(new Finding(FOREIGN_PATH, Severity.WARNING, directory, clients + (clients == 1 ? " phone asks"
                    : " phones ask") + " ztpbox for files under " + Secrets.mask(directory) + ", a path it does not serve"
                    + " (e.g. " + example + "): another provider's address, pointing at this box",
                    evidence(requests), "Those phones were given this path by someone else: a DHCP server's option 66"
                    + " or 160 (see the probe's findings), or a boot server stored in the phone by an earlier"
                    + " provisioner. Fix that source, then factory-reset the phones (ztpbox reset-guide MAC).", now));
        });
        return out;
    }

    /** The path of a phone's request that ztpbox answered "not found", or null. */
    private static String notFoundPath(PhoneEvent e) {
        if (e.mac() != null && DhcpProbeReport.isProbeMac(e.mac())) {
            return null;
        }
        if ("http".equals(e.source()) && "404".equals(e.detail("status")) && e.detail("path") != null) {
            String path = e.detail("path");
            int query = path.indexOf('?');
            return query < 0 ? path : path.substring(0, query);
        }
        if ("tftp".equals(e.source()) && "RRQ".equals(e.type()) && "1".equals(e.detail("error"))
                && e.detail("file") != null) {
            String file = e.detail("file");
            return file.startsWith("/") ? file : "/" + file;
        }
        return null;
    }

    /** HTTP serves under the provisioning URL's path (and below it); TFTP from its root, flat. */
    private boolean served(String source, String directory) {
        if ("tftp".equals(source)) {
            return directory.equals("/");
        }
        return own.served().stream().filter(f -> "http".equals(f.scheme()) || "https".equals(f.scheme()))
                .anyMatch(f -> directory.startsWith(f.directory()));
    }

    private static List<String> evidence(List<PhoneEvent> events) {
        List<String> lines = new ArrayList<>();
        int from = Math.max(0, events.size() - MAX_EVIDENCE);
        if (from > 0) {
            lines.add("(" + from + " earlier events not shown)");
        }
        for (PhoneEvent e : events.subList(from, events.size())) {
            lines.add(Secrets.mask(describe(e)));
        }
        return lines;
    }

    static String describe(PhoneEvent e) {
        StringBuilder sb = new StringBuilder(time(e.at())).append(' ').append(e.source()).append(' ').append(e.type());
        if (e.mac() != null) {
            sb.append(" from ").append(e.mac()).append(model(e));
        }
        if ("dhcp".equals(e.source())) {
            append(sb, " naming server ", e.detail("server_id"));
            append(sb, ", address ", e.detail("requested_address"));
            append(sb, ", xid ", e.detail("xid"));
        } else {
            append(sb, " by ", e.detail("client"));
            append(sb, ": ", e.detail("path") != null ? e.detail("path") : e.detail("file"));
            append(sb, " -> ", e.detail("status") != null ? e.detail("status") : e.detail("result"));
        }
        return sb.toString();
    }

    private static String model(PhoneEvent e) {
        String model = e.detail("model");
        String version = e.detail("app_version");
        return model == null ? "" : " (" + model + (version == null ? "" : ", " + version) + ")";
    }

    private static void append(StringBuilder sb, String label, String value) {
        if (value != null) {
            sb.append(label).append(value);
        }
    }

    private static String time(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** {@code 10.0.0.9:1234} or {@code 10.0.0.9} to {@code 10.0.0.9}. */
    private static String clientIp(String client) {
        if (client == null) {
            return "";
        }
        int colon = client.lastIndexOf(':');
        return colon > 0 && client.indexOf(':') == colon ? client.substring(0, colon) : client;
    }
}
