package org.ztpbox.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.OverrideQuarantine;
import org.ztpbox.core.PhoneEvent;
import org.ztpbox.provisioning.PhoneEvents;
import org.ztpbox.provisioning.QuarantineEvents;

class TimelineTest {

    private static final MacAddress MAC = MacAddress.parse("0004f2aa814c");
    private static final Instant T = Instant.parse("2024-05-01T10:00:00.250Z");
    private final PhoneEvents e = new PhoneEvents(MAC);
    private final Timeline timeline = new Timeline(Ipv4Address.parse("10.0.0.2"));

    @Test
    void aRequestNamingAnotherServerSaysSo() {
        PhoneEvent request = e.dhcp(T, "REQUEST", "requested_address", "192.0.2.77", "server_id", "192.0.2.1",
                "model", "VVX-VVX_410", "stage", "application", "outcome", "chose server 192.0.2.1");

        assertThat(timeline.line(request)).isEqualTo("2024-05-01T10:00:00.250Z  dhcp   REQUEST    asks for"
                + " 192.0.2.77, server 192.0.2.1 (not ztpbox), VVX-VVX_410, ztpbox did not answer: chose server 192.0.2.1");
    }

    @Test
    void ztpboxsOwnAnswersShowTheAddressAndProvisioningUrlPasswordMasked() {
        PhoneEvent discover = e.dhcp(T, "DISCOVER", "model", "VVX-VVX_410", "stage", "boot", "reply", "OFFER",
                "address", "10.0.0.57", "provisioning_url", "http://phones:s3cret@10.0.0.2/prov/",
                "outcome", "offered 10.0.0.57");
        PhoneEvent request = e.dhcp(T, "REQUEST", "server_id", "10.0.0.2", "requested_address", "10.0.0.57",
                "reply", "ACK", "address", "10.0.0.57");

        assertThat(timeline.summary(discover)).isEqualTo("VVX-VVX_410 in its boot stage (Updater/BootROM), ztpbox"
                + " answered OFFER 10.0.0.57, provisioning http://phones:****@10.0.0.2/prov/");
        assertThat(timeline.summary(request)).isEqualTo("asks for 10.0.0.57, server 10.0.0.2 (ztpbox), ztpbox"
                + " answered ACK 10.0.0.57");
        assertThat(new Timeline(null).summary(request)).as("own address unknown").contains("server 10.0.0.2,");
    }

    @Test
    void fileRequestsAndUploadsReadAsOneLineEach() {
        PhoneEvent get = e.http(T, "GET", "/prov/000000000000.cfg", 200, "model", "VVX410", "firmware", "5.9.5.0614",
                "stage", "Application");
        PhoneEvent put = e.http(T, "PUT", "/prov/0004f2aa814c-phone.cfg", 201, "user", "phone1");
        PhoneEvent rrq = e.tftp(T, "RRQ", "0004f2aa814c.cfg", "completed");

        assertThat(timeline.line(get)).isEqualTo("2024-05-01T10:00:00.250Z  http   GET        /prov/000000000000.cfg"
                + " -> 200, 120 bytes, from 10.0.0.57, VVX410 5.9.5.0614 Application");
        assertThat(timeline.summary(put)).isEqualTo("/prov/0004f2aa814c-phone.cfg -> 201, 120 bytes received, from"
                + " 10.0.0.57, user phone1");
        assertThat(timeline.summary(rrq)).isEqualTo("0004f2aa814c.cfg from 10.0.0.57 -> completed, 120 bytes");
    }

    @Test
    void quarantineActionsAndUnknownEventsAreShownToo() {
        OverrideQuarantine q = new OverrideQuarantine(4, MAC, T, "alice", "prepare reset", "quarantine/0004f2aa814c/x",
                List.of("0004f2aa814c-phone.cfg"), List.of(), OverrideQuarantine.State.ACTIVE, null, null, null);

        assertThat(timeline.line(QuarantineEvents.quarantined(q))).contains("ztpbox QUARANTINE",
                "override files quarantined by alice (prepare reset): 0004f2aa814c-phone.cfg moved to"
                        + " quarantine/0004f2aa814c/x");
        PhoneEvent other = new PhoneEvent(T, MAC, "lldp", "SEEN", Map.of("name", "VVX 311", "admin_password", "1234"));
        assertThat(timeline.summary(other)).isEqualTo("admin_password=**** name=VVX 311");
    }

    @Test
    void secretsInDetailsAreMaskedInTheJsonDetailsToo() {
        PhoneEvent event = e.http(T, "GET", "/prov/x.cfg", 200, "auth_password", "hunter2", "note",
                "redirect to https://u:pw@old/");

        assertThat(Timeline.shownDetails(event)).containsEntry("auth_password", "****")
                .containsEntry("note", "redirect to https://u:****@old/").containsEntry("path", "/prov/x.cfg");
    }
}
