package org.ztpbox.diagnose;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ztpbox.config.ConfigLoader;
import org.ztpbox.core.DhcpProbeReply;
import org.ztpbox.core.DhcpProbeReport;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.ProbePersona;

/**
 * A LAN as the probe would see it, for tests: ztpbox at 10.0.0.2 serving http://10.0.0.2/prov/,
 * and whatever servers a test adds, each answering the probe's four questions.
 */
final class Lan {

    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    static final String ZTPBOX_URL = "http://10.0.0.2/prov/";
    static final MacAddress PROBE_MAC = MacAddress.parse("02:5a:54:00:00:01");

    private final List<DhcpProbeReply> replies = new ArrayList<>();

    static OwnServer ztpbox(String mode) {
        return OwnServer.of(ConfigLoader.parse("test", "dhcp:\n  mode: " + mode + "\n  subnet: 10.0.0.0/24\n"
                + "  pool: 10.0.0.100-10.0.0.200\nprovisioning:\n  url: " + ZTPBOX_URL + "\nhttp:\n  tls:\n"
                + "    names: [prov.office.lan]\n"), "eth0", Ipv4Address.parse("10.0.0.2"), ZTPBOX_URL, Set.of("ztpbox"));
    }

    /** A server answering both DISCOVERs and both INFORMs with the same options. */
    Lan server(String address, String option160, String option66) {
        return answer(address, ProbePersona.PHONE, "DISCOVER", option160, option66)
                .answer(address, ProbePersona.GENERIC, "DISCOVER", option160, option66)
                .answer(address, ProbePersona.PHONE, "INFORM", option160, option66)
                .answer(address, ProbePersona.GENERIC, "INFORM", option160, option66);
    }

    Lan answer(String address, ProbePersona persona, String asked, String option160, String option66) {
        Ipv4Address server = Ipv4Address.parse(address);
        boolean discover = asked.equals("DISCOVER");
        replies.add(new DhcpProbeReply(persona, asked, discover ? "OFFER" : "ACK", server, server, null,
                discover ? server.plus(100) : null, discover ? Duration.ofHours(1) : null, option66, option160, null,
                T0, Duration.ofMillis(5)));
        return this;
    }

    DhcpProbeReport report() {
        return new DhcpProbeReport("eth0", Ipv4Address.parse("10.0.0.2"), PROBE_MAC, "VVX-VVX_410",
                "SIP/5.9.5.0614/12-Dec-19 08:57", T0, Duration.ofSeconds(3), List.of("DISCOVER as phone, xid 1"),
                replies, List.of());
    }

    List<DhcpServerView> servers(OwnServer own) {
        return DhcpServerView.from(report(), own);
    }
}
