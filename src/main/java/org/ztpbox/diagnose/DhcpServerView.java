package org.ztpbox.diagnose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ztpbox.config.Durations;
import org.ztpbox.core.DhcpProbeReply;
import org.ztpbox.core.DhcpProbeReport;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.ProbePersona;

/**
 * One DHCP server as the probe saw it: every answer it gave, the boot-server values in them, and
 * what it is for phones.
 *
 * @param server       its identifier (option 54), else the source of its answers
 * @param mac          its MAC when known, else null
 * @param provisioning each distinct option 160 and 66 value it gave, compared with ztpbox
 */
public record DhcpServerView(Ipv4Address server, MacAddress mac, Role role, List<DhcpProbeReply> replies,
                             List<AddressMatch> provisioning) {

    /** What a server is to the phones. */
    public enum Role {
        /** ztpbox itself. */
        SELF,
        /** Points phones at another provisioning server (or another path on this box). */
        STALE,
        /** Points phones at this box in a form ztpbox does not serve. */
        UNSERVED,
        /** Another DHCP server, handing out ztpbox's own address. */
        AGREES,
        /** Another DHCP server with no boot-server option. */
        NO_PROVISIONING
    }

    public DhcpServerView {
        replies = List.copyOf(replies);
        provisioning = List.copyOf(provisioning);
    }

    /** Groups the probe's answers by server and classifies each; ztpbox first, then by address. */
    public static List<DhcpServerView> from(DhcpProbeReport report, OwnServer own) {
        Map<Ipv4Address, List<DhcpProbeReply>> byServer = new LinkedHashMap<>();
        for (DhcpProbeReply reply : report.replies()) {
            byServer.computeIfAbsent(reply.server(), k -> new ArrayList<>()).add(reply);
        }
        List<DhcpServerView> out = new ArrayList<>();
        byServer.forEach((server, replies) -> out.add(classify(server, replies, own)));
        out.sort(Comparator.comparing((DhcpServerView v) -> v.role() != Role.SELF).thenComparing(DhcpServerView::server));
        return out;
    }

    private static DhcpServerView classify(Ipv4Address server, List<DhcpProbeReply> replies, OwnServer own) {
        MacAddress mac = replies.stream().map(DhcpProbeReply::serverMac).filter(m -> m != null).findFirst().orElse(null);
        Set<String> values = new LinkedHashSet<>();
        for (DhcpProbeReply r : replies) {
            addValue(values, r.option160());
            addValue(values, r.option66());
        }
        List<AddressMatch> matches = values.stream().map(v -> AddressMatch.of(v, own)).toList();
        boolean self = server.equals(own.address())
                || replies.stream().allMatch(r -> r.from().equals(own.address()));
        Role role;
        if (self) {
            role = Role.SELF;
        } else if (matches.stream().anyMatch(m -> m.verdict() == AddressMatch.Verdict.ELSEWHERE)) {
            role = Role.STALE;
        } else if (matches.stream().anyMatch(m -> m.verdict() == AddressMatch.Verdict.ZTPBOX_UNSERVED)) {
            role = Role.UNSERVED;
        } else {
            role = matches.isEmpty() ? Role.NO_PROVISIONING : Role.AGREES;
        }
        return new DhcpServerView(server, mac, role, replies, matches);
    }

    private static void addValue(Set<String> values, String value) {
        if (value != null && !value.isBlank()) {
            values.add(value);
        }
    }

    /** Its answer of a kind ({@code OFFER}, {@code ACK}) to a persona's {@code DISCOVER} or {@code INFORM}. */
    public DhcpProbeReply answer(ProbePersona persona, String asked) {
        return replies.stream().filter(r -> r.persona() == persona && r.asked().equals(asked)
                && !r.type().equals("NAK")).findFirst().orElse(null);
    }

    /** True when it gives 66 or 160 to the phone persona but not to the generic client it also answered. */
    public boolean provisioningOnlyToPhones() {
        return hasProvisioning(ProbePersona.PHONE) && !hasProvisioning(ProbePersona.GENERIC)
                && replies.stream().anyMatch(r -> r.persona() == ProbePersona.GENERIC);
    }

    /** True when it answered the phone persona and ignored the generic client. */
    public boolean answersOnlyPhones() {
        return replies.stream().allMatch(r -> r.persona() == ProbePersona.PHONE);
    }

    private boolean hasProvisioning(ProbePersona persona) {
        return replies.stream().anyMatch(r -> r.persona() == persona
                && (notBlank(r.option160()) || notBlank(r.option66())));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** {@code 192.0.2.1 (MAC 00:11:22:33:44:55)}, or without the MAC when unknown. */
    public String label() {
        return server + (mac == null ? "" : " (MAC " + mac + ")");
    }

    /** One line per answer: who asked, what came back, every value masked. */
    public List<String> evidence() {
        List<String> lines = new ArrayList<>();
        for (DhcpProbeReply r : replies) {
            lines.add(describe(r));
        }
        return lines;
    }

    static String describe(DhcpProbeReply r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.type()).append(" to the probe's ").append(r.persona().label()).append(' ').append(r.asked())
                .append(" from ").append(r.from());
        if (r.serverId() != null && !r.serverId().equals(r.from())) {
            sb.append(" (server id ").append(r.serverId()).append(')');
        }
        sb.append(", MAC ").append(r.serverMac() == null ? "unknown" : r.serverMac().toString())
                .append(", after ").append(r.delay().toMillis()).append(" ms");
        if (r.offered() != null) {
            sb.append(": address ").append(r.offered());
        }
        if (r.leaseTime() != null) {
            sb.append(", lease ").append(Durations.format(r.leaseTime()));
        }
        sb.append(", option 160 ").append(shown(r.option160())).append(", option 66 ").append(shown(r.option66()));
        if (r.option43() != null) {
            sb.append(", option 43 = ").append(VendorSpecific.shown(r.option43()));
        }
        return sb.toString();
    }

    private static String shown(String value) {
        return value == null || value.isBlank() ? "absent" : "= " + Secrets.mask(value);
    }
}
