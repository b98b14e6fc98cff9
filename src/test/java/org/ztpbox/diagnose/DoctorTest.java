package org.ztpbox.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.PhoneEvent;
import org.ztpbox.core.ProbePersona;

/** Findings, from the probe and from stored events, as ztpbox doctor prints them. */
class DoctorTest {

    private static final Instant NOW = Lan.T0.plus(Duration.ofHours(1));
    private static final MacAddress PHONE = MacAddress.parse("00:04:f2:aa:81:4c");
    private static final String STALE_URL = "http://oldprov:hunter2@192.0.2.1/prov/";

    private final List<PhoneEvent> events = new ArrayList<>();

    private DoctorReport examine(String mode, Lan lan) {
        return new Doctor(Lan.ztpbox(mode), Clock.fixed(NOW, ZoneOffset.UTC)).examine(lan == null ? null : lan.report(),
                events);
    }

    private static List<Finding> coded(DoctorReport report, String code) {
        return report.findings().stream().filter(f -> f.code().equals(code)).toList();
    }

    @Test
    void aServerPointingPhonesElsewhereIsACriticalStaleSource() {
        DoctorReport r = examine("serve", new Lan().server("10.0.0.2", Lan.ZTPBOX_URL, Lan.ZTPBOX_URL)
                .server("192.0.2.1", STALE_URL, null));

        assertThat(r.staleSourceFound()).isTrue();
        assertThat(coded(r, "dhcp-stale-provisioning")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.subject()).isEqualTo("192.0.2.1");
            assertThat(f.summary()).contains("192.0.2.1 points phones at another provisioning server",
                    "option 160 = http://oldprov:****@192.0.2.1/prov/");
            assertThat(f.evidence()).hasSize(4);
            assertThat(f.fix()).contains("remove options 66 and 160", Lan.ZTPBOX_URL);
        });
        assertThat(r.findings().get(0).code()).isEqualTo("dhcp-stale-provisioning");
        assertThat(r.predictions()).singleElement().satisfies(p -> {
            assertThat(p.phone()).isEqualTo("a factory-reset VVX-VVX_410 on firmware 5.9.5.0614");
            assertThat(p.race()).isTrue();
        });
    }

    @Test
    void aStaleServerForPhonesOnlyAndInInformAnswersOnlySaysSo() {
        DoctorReport r = examine("serve", new Lan()
                .answer("192.0.2.1", ProbePersona.PHONE, "INFORM", STALE_URL, null)
                .answer("192.0.2.1", ProbePersona.GENERIC, "INFORM", null, null));

        assertThat(coded(r, "dhcp-stale-provisioning")).singleElement().satisfies(f -> {
            assertThat(f.summary()).contains("only to Poly phones", "in its answers to DHCPINFORM");
            assertThat(f.evidence()).last().asString().contains("gives them only to Poly phones");
            assertThat(f.fix()).contains("from its class or tag for Poly phones");
        });
    }

    @Test
    void aLanWithoutStaleSourceHasNoStaleFinding() {
        DoctorReport r = examine("serve", new Lan().server("10.0.0.2", Lan.ZTPBOX_URL, Lan.ZTPBOX_URL)
                .server("10.0.0.1", null, null));

        assertThat(r.staleSourceFound()).isFalse();
        assertThat(r.findings()).extracting(Finding::code).containsExactly("dhcp-second-server");
        assertThat(r.findings().get(0).severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void aSecondServerBesideZtpboxInPhonesOnlyModeIsExpected() {
        DoctorReport r = examine("phones-only", new Lan().server("10.0.0.2", Lan.ZTPBOX_URL, Lan.ZTPBOX_URL)
                .server("10.0.0.1", null, null));

        assertThat(coded(r, "dhcp-second-server")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.fix()).contains("ztpbox answers that");
        });
    }

    @Test
    void silenceIsReported() {
        assertThat(examine("serve", new Lan()).findings()).extracting(Finding::code).containsExactly("dhcp-no-answer");
        assertThat(examine("serve", new Lan().server("10.0.0.1", null, null)).findings()).extracting(Finding::code)
                .contains("ztpbox-silent");
        assertThat(examine("watch", new Lan().server("10.0.0.1", null, null)).findings()).extracting(Finding::code)
                .doesNotContain("ztpbox-silent");
    }

    @Test
    void aPhoneRequestingAStaleServersLeaseIsCritical() {
        events.add(request(PHONE, "192.0.2.1", Lan.T0));
        events.add(request(PHONE, "10.0.0.2", Lan.T0.minusSeconds(60)));

        DoctorReport r = examine("watch", new Lan().server("192.0.2.1", STALE_URL, null));

        assertThat(coded(r, "dhcp-lease-elsewhere")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.subject()).isEqualTo("192.0.2.1");
            assertThat(f.summary()).contains("phone 00:04:f2:aa:81:4c took its lease from 192.0.2.1",
                    "DHCPREQUEST naming server 192.0.2.1");
            assertThat(f.evidence()).singleElement().asString()
                    .contains("REQUEST from 00:04:f2:aa:81:4c (VVX-VVX_410, SIP/5.9.5.0614)", "naming server 192.0.2.1");
        });
        assertThat(coded(r, "phone-not-provisioned-here")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.subject()).isEqualTo(PHONE.toString());
            assertThat(f.fix()).contains("ztpbox reset-guide 00:04:f2:aa:81:4c");
        });
    }

    @Test
    void aLeaseElsewhereFromAServerTheProbeDidNotHearIsAWarning() {
        events.add(request(PHONE, "192.0.2.7", Lan.T0));

        DoctorReport r = examine("watch", null);

        assertThat(coded(r, "dhcp-lease-elsewhere")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        assertThat(r.staleSourceFound()).isFalse();
    }

    @Test
    void aPhoneThatFetchedFromZtpboxAfterItsLeaseIsProvisionedHere() {
        events.add(request(PHONE, "192.0.2.1", Lan.T0));
        events.add(new PhoneEvent(Lan.T0.plusSeconds(5), null, "http", "GET",
                Map.of("client", "10.0.0.150", "path", "/prov/000000000000.cfg", "status", "200")));

        assertThat(coded(examine("phones-only", null), "phone-not-provisioned-here")).isEmpty();
    }

    @Test
    void aPhoneIsGivenTimeToFetchAfterItsLease() {
        events.add(request(PHONE, "192.0.2.1", NOW.minusSeconds(30)));

        assertThat(coded(examine("phones-only", null), "phone-not-provisioned-here")).isEmpty();
    }

    @Test
    void requestsForAnotherProvidersPathAreReported() {
        events.add(new PhoneEvent(Lan.T0, PHONE, "http", "GET",
                Map.of("client", "10.0.0.150", "path", "/oldprov/0004f2aa814c.cfg", "status", "404")));
        events.add(new PhoneEvent(Lan.T0, null, "http", "GET",
                Map.of("client", "10.0.0.151", "path", "/oldprov/000000000000.cfg?x=1", "status", "404")));
        // Not found in ztpbox's own directory is normal (phones ask for files nobody has), and not a phone file.
        events.add(new PhoneEvent(Lan.T0, PHONE, "http", "GET",
                Map.of("client", "10.0.0.150", "path", "/prov/0004f2aa814c-phone.cfg", "status", "404")));
        events.add(new PhoneEvent(Lan.T0, null, "http", "GET",
                Map.of("client", "10.0.0.152", "path", "/favicon.ico", "status", "404")));
        events.add(new PhoneEvent(Lan.T0, null, "tftp", "RRQ",
                Map.of("client", "10.0.0.153:2048", "file", "polycom/sip.ld", "result", "refused", "error", "1")));

        List<Finding> found = coded(examine("serve", null), "foreign-provisioning-path");

        assertThat(found).extracting(Finding::subject).containsExactly("/oldprov/", "/polycom/");
        assertThat(found.get(0).summary()).contains("2 phones ask ztpbox for files under /oldprov/",
                "e.g. /oldprov/000000000000.cfg");
        assertThat(found.get(0).evidence()).hasSize(2);
    }

    @Test
    void theProbesOwnTrafficIsNoEvidence() {
        events.add(request(Lan.PROBE_MAC, "192.0.2.1", Lan.T0));

        assertThat(examine("watch", null).findings()).isEmpty();
    }

    @Test
    void olderPhonesSeenGetTheirOwnPrediction() {
        events.add(request(PHONE, "10.0.0.2", Lan.T0));
        Map<String, String> d = new HashMap<>(request(PHONE, "10.0.0.2", Lan.T0).details());
        d.put("model", "SoundPointIP-SPIP_550");
        d.put("app_version", "SIP/3.2.3.1734/13-Mar-10 14:35");
        events.add(new PhoneEvent(Lan.T0, MacAddress.parse("00:04:f2:00:00:01"), "dhcp", "DISCOVER", d));

        DoctorReport r = examine("serve", new Lan().server("10.0.0.2", Lan.ZTPBOX_URL, null));

        assertThat(r.predictions()).extracting(BootPrediction::setting)
                .containsExactly(BootServerSetting.OPTION_160_THEN_66, BootServerSetting.OPTION_66);
        assertThat(r.predictions().get(0).phone()).contains("like 00:04:f2:aa:81:4c VVX-VVX_410");
        assertThat(r.predictions().get(1).phone()).contains("1 phone(s) seen with older firmware",
                "00:04:f2:00:00:01 SoundPointIP-SPIP_550");
        // ztpbox gives 160 only here: a phone reading 66 only finds nothing in the lease.
        assertThat(r.predictions().get(1).outcomes()).singleElement()
                .satisfies(o -> assertThat(o.why()).contains("has only option 160"));
    }

    @Test
    void noPasswordAppearsInAnyFindingOrPrediction() {
        events.add(request(PHONE, "192.0.2.1", Lan.T0));
        events.add(new PhoneEvent(Lan.T0, PHONE, "http", "GET", Map.of("client", "10.0.0.150",
                "path", "/old/0004f2aa814c.cfg", "status", "404")));

        DoctorReport r = examine("serve", new Lan().server("10.0.0.2", Lan.ZTPBOX_URL, null)
                .server("192.0.2.1", STALE_URL, "ftp://admin:hunter2@192.0.2.1/"));

        List<String> texts = new ArrayList<>();
        r.findings().forEach(f -> {
            texts.add(f.summary());
            texts.add(f.fix());
            texts.addAll(f.evidence());
        });
        r.predictions().forEach(p -> {
            texts.add(p.summary());
            p.outcomes().forEach(o -> texts.add(o.address() + " " + o.why()));
        });
        r.servers().forEach(s -> {
            texts.addAll(s.evidence());
            s.provisioning().forEach(m -> texts.add(m.address() + " " + m.differences()));
        });
        assertThat(texts).isNotEmpty().noneMatch(t -> t.contains("hunter2"));
        assertThat(String.join("\n", texts)).contains("oldprov:****@", "admin:****@");
    }

    private static PhoneEvent request(MacAddress mac, String serverId, Instant at) {
        Map<String, String> d = new HashMap<>();
        d.put("xid", "1a2b3c4d");
        d.put("server_id", serverId);
        d.put("requested_address", "10.0.0.150");
        d.put("phone", "true");
        d.put("model", "VVX-VVX_410");
        d.put("app_version", "SIP/5.9.5.0614");
        return new PhoneEvent(at, mac, "dhcp", "REQUEST", d);
    }
}
