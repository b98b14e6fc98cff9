package org.ztpbox.diagnose;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ztpbox.config.DhcpMode;
import org.ztpbox.config.Durations;
import org.ztpbox.core.DhcpProbeReport;

/**
 * Findings from what the DHCP servers answered the probe: a server pointing phones elsewhere (the
 * stale source: CRITICAL), a server pointing them at this box in a form ztpbox does not serve, a
 * second DHCP server, and silence.
 */
final class ProbeFindings {

    static final String STALE = "dhcp-stale-provisioning";
    static final String UNSERVED = "dhcp-provisioning-unserved";
    static final String SECOND_SERVER = "dhcp-second-server";
    static final String NO_ANSWER = "dhcp-no-answer";
    static final String SELF_SILENT = "ztpbox-silent";

    private final OwnServer own;

    ProbeFindings(OwnServer own) {
        this.own = own;
    }

    List<Finding> of(DhcpProbeReport report, List<DhcpServerView> servers, Instant now) {
        List<Finding> out = new ArrayList<>();
        for (DhcpServerView server : servers) {
            switch (server.role()) {
                case STALE -> out.add(stale(server, now));
                case UNSERVED -> out.add(unserved(server, now));
                case AGREES, NO_PROVISIONING -> out.add(secondServer(server, now));
                case SELF -> { }
                default -> throw new IllegalStateException("unknown role " + server.role());
            }
        }
        if (servers.isEmpty()) {
            out.add(new Finding(NO_ANSWER, Severity.INFO, report.interfaceName(), "no DHCP server answered the probe on "
                    + report.interfaceName() + " within " + Durations.format(report.window()), report.sent(),
                    "Nothing to fix if no DHCP server should run here. Otherwise check that " + report.interfaceName()
                            + " is the LAN the phones are on (--interface), or probe longer (--wait).", now));
        } else if (own.answersPhones() && servers.stream().noneMatch(s -> s.role() == DhcpServerView.Role.SELF)) {
            out.add(new Finding(SELF_SILENT, Severity.INFO, own.address().toString(), "ztpbox itself did not answer the"
                    + " probe (not running?): what follows is the LAN without it", List.of(),
                    "Start ztpbox (ztpbox run, or systemctl start ztpbox) if it should be serving phones.", now));
        }
        return out;
    }

    private Finding stale(DhcpServerView server, Instant now) {
        List<String> values = new ArrayList<>();
        for (AddressMatch m : server.provisioning()) {
            if (m.verdict() == AddressMatch.Verdict.ELSEWHERE) {
                values.add(options(server, m.address().raw()) + " = " + m.address() + " (" + m.differences().get(0) + ")");
            }
        }
        String scope = scope(server);
        String summary = server.server() + " points phones at another provisioning server" + scope + ": "
                + String.join("; ", values);
        List<String> evidence = evidence(server);
        String fix = "On the DHCP server at " + server.label() + " (an old PBX, the ISP router or a forgotten scope"
                + " are the usual ones), remove options 66 and 160" + (server.provisioningOnlyToPhones()
                ? " from its class or tag for Poly phones (it matches option 60)" : "")
                + ", set them to " + own.maskedUrl() + ", or switch its DHCP service off. A phone that already took"
                + " the old configuration keeps it until it is factory-reset (ztpbox reset-guide MAC).";
        return new Finding(STALE, Severity.CRITICAL, server.server().toString(), summary, evidence, fix, now);
    }

    private Finding unserved(DhcpServerView server, Instant now) {
        List<String> values = new ArrayList<>();
        for (AddressMatch m : server.provisioning()) {
            if (m.verdict() == AddressMatch.Verdict.ZTPBOX_UNSERVED) {
                values.add(options(server, m.address().raw()) + " = " + m.address() + " ("
                        + String.join("; ", m.differences()) + ")");
            }
        }
        return new Finding(UNSERVED, Severity.WARNING, server.server().toString(), server.server()
                + " points phones at this box in a form ztpbox does not serve" + scope(server) + ": "
                + String.join("; ", values), evidence(server), "On the DHCP server at " + server.label()
                + ", set options 66 and 160 to exactly " + own.maskedUrl() + " (scheme included), or remove them.",
                now);
    }

    private Finding secondServer(DhcpServerView server, Instant now) {
        boolean serving = own.mode() == DhcpMode.SERVE;
        String what = server.role() == DhcpServerView.Role.AGREES ? "it hands out ztpbox's own provisioning address"
                : "it gives no boot-server option, which is harmless for provisioning";
        String fix;
        if (serving) {
            fix = "Two DHCP servers lease addresses on one LAN and clients take whichever answers first: switch one"
                    + " off, or run ztpbox in dhcp.mode phones-only beside it.";
        } else if (own.answersPhones()) {
            fix = "Nothing to fix: phones leasing from it send DHCPINFORM when the lease has no boot server, and"
                    + " ztpbox answers that.";
        } else {
            fix = "ztpbox is in watch mode and answers nobody: phones leasing from this server get no provisioning"
                    + " server from DHCP. Set dhcp.mode to phones-only to answer their DHCPINFORM.";
        }
        return new Finding(SECOND_SERVER, serving ? Severity.WARNING : Severity.INFO, server.server().toString(),
                "a second DHCP server answers on " + own.interfaceName() + ": " + server.label() + "; " + what,
                evidence(server), fix, now);
    }

    private static List<String> evidence(DhcpServerView server) {
        List<String> lines = new ArrayList<>(server.evidence());
        if (server.provisioningOnlyToPhones()) {
            lines.add("the generic client (same request, no option 60) got no option 66 or 160 from it: it gives them"
                    + " only to Poly phones");
        } else if (server.answersOnlyPhones()) {
            lines.add("it did not answer the generic client at all, only the phone");
        }
        return lines;
    }

    /** " only to Poly phones", " in its answers to DHCPINFORM", or nothing. */
    private static String scope(DhcpServerView server) {
        List<String> parts = new ArrayList<>();
        if (server.provisioningOnlyToPhones()) {
            parts.add("only to Poly phones (it matches option 60)");
        }
        boolean inOffer = server.replies().stream().anyMatch(r -> r.asked().equals("DISCOVER")
                && (r.option160() != null || r.option66() != null));
        if (!inOffer) {
            parts.add("in its answers to DHCPINFORM (used when a phone's lease has no boot server)");
        }
        return parts.isEmpty() ? "" : ", " + String.join(", ", parts);
    }

    /** Which options carried a value: "option 160", "options 160 and 66". */
    private static String options(DhcpServerView server, String value) {
        boolean in160 = server.replies().stream().anyMatch(r -> value.equals(r.option160()));
        boolean in66 = server.replies().stream().anyMatch(r -> value.equals(r.option66()));
        return in160 && in66 ? "options 160 and 66" : in160 ? "option 160" : "option 66";
    }
}
