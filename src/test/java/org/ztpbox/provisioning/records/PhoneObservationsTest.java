package org.ztpbox.provisioning.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.PhoneEvent;
import org.ztpbox.core.PhoneRecord;

class PhoneObservationsTest {

    private static final MacAddress MAC = MacAddress.parse("0004f2aa814c");
    private final Instant t0 = Instant.parse("2026-11-22T10:00:00Z");

    private PhoneEvent event(int second, String source, String type, Map<String, String> details) {
        return new PhoneEvent(t0.plusSeconds(second), MAC, source, type, details);
    }

    private PhoneEvent updaterDhcp(int second) {
        return event(second, "dhcp", "DISCOVER", Map.of("model", "VVX-VVX_410", "part_number", "3111-46162-001,7",
                "app_version", "UP/5.9.5.0614/12-Dec-19 08:57", "boot_version", "UP/5.9.5.0614/12-Dec-19 08:57",
                "stage", "boot", "phone", "true"));
    }

    @Test
    void theBootStageReportsTheUpdaterVersionNotTheFirmware() {
        PhoneRecord r = PhoneObservations.apply(null, updaterDhcp(0));

        assertThat(r.model()).isEqualTo("VVX410");
        assertThat(r.partNumber()).isEqualTo("3111-46162-001");
        assertThat(r.stage()).isEqualTo("boot");
        assertThat(r.bootVersion()).isEqualTo("5.9.5.0614");
        assertThat(r.firmware()).isNull();
        assertThat(r.firstSeen()).isEqualTo(t0);
        assertThat(r.lastSeenVia()).isEqualTo("dhcp");
    }

    @Test
    void aBootFollowsThePhoneThroughDhcpAndHttp() {
        PhoneRecord r = PhoneObservations.apply(null, updaterDhcp(0));
        r = PhoneObservations.apply(r, event(1, "dhcp", "REQUEST", Map.of("reply", "ACK", "address", "10.0.0.50",
                "requested_address", "10.0.0.50")));
        r = PhoneObservations.apply(r, event(20, "http", "GET", Map.of("client", "10.0.0.50", "path",
                "/prov/0004f2aa814c.cfg", "status", "200", "model", "VVX410", "firmware", "6.4.0.1234",
                "stage", "Application")));
        r = PhoneObservations.apply(r, event(21, "http", "PUT", Map.of("client", "10.0.0.50", "path",
                "/prov/0004f2aa814c-app.log", "status", "201", "model", "VVX410", "firmware", "6.4.0.1234",
                "stage", "Application")));

        assertThat(r).isEqualTo(new PhoneRecord(MAC, "VVX410", "3111-46162-001", "6.4.0.1234", "5.9.5.0614",
                "application", "10.0.0.50", t0, t0.plusSeconds(21), "http", "/prov/0004f2aa814c.cfg",
                t0.plusSeconds(20)));
    }

    @Test
    void theApplicationStageInDhcpGivesFirmwareAndBootVersions() {
        PhoneRecord r = PhoneObservations.apply(null, event(0, "dhcp", "DISCOVER", Map.of("model",
                "SoundPointIP-SPIP_550", "part_number", "2345-12500-001,1", "app_version",
                "SIP/3.2.3.1734/13-Mar-10 14:35", "boot_version", "BR/4.2.2.0710/06-Jan-10 16:33",
                "stage", "application")));

        assertThat(r.model()).isEqualTo("SPIP550");
        assertThat(r.firmware()).isEqualTo("3.2.3.1734");
        assertThat(r.bootVersion()).isEqualTo("4.2.2.0710");
        assertThat(r.stage()).isEqualTo("application");
    }

    @Test
    void anUpdaterUserAgentIsTheBootStage() {
        PhoneRecord r = PhoneObservations.apply(null, event(0, "http", "GET", Map.of("client", "10.0.0.9", "path",
                "/prov/0004f2aa814c.cfg", "status", "404", "model", "SSIP6000", "firmware", "5.0.3.1667",
                "stage", "Updater")));

        assertThat(r.stage()).isEqualTo("boot");
        assertThat(r.bootVersion()).isEqualTo("5.0.3.1667");
        assertThat(r.firmware()).isNull();
        assertThat(r.lastFile()).as("a 404 is no download").isNull();
        assertThat(r.lastAddress()).isEqualTo("10.0.0.9");
    }

    @Test
    void aSip3UserAgentWithoutTypeIsTheApplication() {
        PhoneRecord r = PhoneObservations.apply(null, event(0, "http", "GET", Map.of("client", "10.0.0.9",
                "path", "/prov/sip.ld", "status", "200", "model", "SPIP335", "firmware", "3.2.1.0078")));

        assertThat(r.firmware()).isEqualTo("3.2.1.0078");
        assertThat(r.stage()).isEqualTo("application");
    }

    @Test
    void aCompletedTftpReadIsTheLastFileAndGivesTheAddress() {
        PhoneRecord r = PhoneObservations.apply(null, event(0, "tftp", "RRQ", Map.of("client", "10.0.0.51:2070",
                "file", "0004f2aa814c.cfg", "result", "completed")));
        r = PhoneObservations.apply(r, event(1, "tftp", "RRQ", Map.of("client", "10.0.0.51:2071",
                "file", "0004f2aa814c-phone.cfg", "result", "refused")));
        r = PhoneObservations.apply(r, event(2, "tftp", "WRQ", Map.of("client", "10.0.0.51:2072",
                "file", "0004f2aa814c-app.log", "result", "completed")));

        assertThat(r.lastFile()).isEqualTo("0004f2aa814c.cfg");
        assertThat(r.lastFileAt()).isEqualTo(t0);
        assertThat(r.lastAddress()).isEqualTo("10.0.0.51");
        assertThat(r.lastSeen()).isEqualTo(t0.plusSeconds(2));
    }

    @Test
    void anOlderEventArrivingLateExtendsFirstSeenButDoesNotOverwriteNewerFacts() {
        PhoneRecord r = PhoneObservations.apply(null, event(10, "http", "GET", Map.of("client", "10.0.0.7",
                "path", "/prov/a.cfg", "status", "200", "model", "VVX410", "firmware", "6.4.0.1", "stage",
                "Application")));
        r = PhoneObservations.apply(r, event(5, "tftp", "RRQ", Map.of("client", "10.0.0.6:1000", "file", "b.cfg",
                "result", "completed")));

        assertThat(r.firstSeen()).isEqualTo(t0.plusSeconds(5));
        assertThat(r.lastSeen()).isEqualTo(t0.plusSeconds(10));
        assertThat(r.lastAddress()).isEqualTo("10.0.0.7");
        assertThat(r.lastFile()).isEqualTo("/prov/a.cfg");
        assertThat(r.lastSeenVia()).isEqualTo("http");
    }

    @Test
    void anUnknownModelIsKeptAsReported() {
        PhoneRecord r = PhoneObservations.apply(null, event(0, "dhcp", "DISCOVER", Map.of("model", "CCX-CCX_600",
                "part_number", "3111-99999-001,1")));

        assertThat(r.model()).isEqualTo("CCX600");
    }

    @Test
    void aPartNumberNamesTheModelWhenOption60HasNone() {
        PhoneRecord r = PhoneObservations.apply(null, event(0, "dhcp", "DISCOVER",
                Map.of("part_number", "3111-46135-002,3")));

        assertThat(r.model()).isEqualTo("VVX300");
    }
}
