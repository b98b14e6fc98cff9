package org.ztpbox.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ztpbox.provisioning.PhoneEvents.at;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.OverrideQuarantine;
import org.ztpbox.core.PhoneEvent;
import org.ztpbox.provisioning.PhoneEvents;

class ResetDetectorTest {

    private static final MacAddress MAC = MacAddress.parse("0004f2aa814c");
    private static final String UA_STAGE = "stage";
    private final PhoneEvents e = new PhoneEvents(MAC);
    private final ResetDetector detector = new ResetDetector(ResetDetector.DEFAULT_ABSENCE,
            new Timeline(Ipv4Address.parse("10.0.0.2")));
    private static final ResetDetector.Context NOTHING = new ResetDetector.Context(List.of(), List.of(), List.of());

    /** The phone ran normally at 10:00 and was then silent. */
    private List<PhoneEvent> before() {
        return new ArrayList<>(List.of(e.dhcp(at(0, 0), "REQUEST", "server_id", "10.0.0.2", "stage", "application",
                "reply", "ACK", "address", "10.0.0.57"),
                e.http(at(0, 5), "GET", "/prov/000000000000.cfg", 200, UA_STAGE, "Application")));
    }

    /** Its return at 12:00 in the boot stage, leased from ztpbox. */
    private List<PhoneEvent> bootsThroughZtpbox(List<PhoneEvent> events) {
        events.add(e.dhcp(at(120, 0), "DISCOVER", "model", "VVX-VVX_410", "stage", "boot", "reply", "OFFER",
                "address", "10.0.0.57", "provisioning_url", "http://10.0.0.2/prov/"));
        events.add(e.dhcp(at(120, 1), "REQUEST", "server_id", "10.0.0.2", "stage", "boot", "reply", "ACK",
                "address", "10.0.0.57"));
        events.add(e.http(at(120, 20), "PUT", "/prov/0004f2aa814c-boot.log", 201, UA_STAGE, "Updater"));
        return events;
    }

    private List<Finding> detect(List<PhoneEvent> events, ResetDetector.Context context, int nowMinute) {
        return detector.detect(MAC, events, context, at(nowMinute, 0));
    }

    @Test
    void aLongAbsenceThenABootAndAFreshMasterFetchIsAResetProvisionedByZtpbox() {
        List<PhoneEvent> events = bootsThroughZtpbox(before());
        events.add(e.http(at(121, 0), "GET", "/prov/0004f2aa814c.cfg", 200, UA_STAGE, "Application"));
        events.add(e.http(at(121, 1), "GET", "/prov/0004f2aa814c-phone.cfg", 404, UA_STAGE, "Application"));

        List<Finding> findings = detect(events, NOTHING, 140);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("reset-provisioned-by-ztpbox");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.summary()).contains("came back after a factory reset at 2024-05-01T12:00:00Z",
                    "with its per-phone file");
            assertThat(ResetDetector.returnedAt(f)).as("what the running appliance forgets the key by")
                    .contains(java.time.Instant.parse("2024-05-01T12:00:00Z"));
            assertThat(f.evidence()).anySatisfy(l -> assertThat(l).contains("new boot sequence", "boot stage"))
                    .anySatisfy(l -> assertThat(l).contains("silent for 119 min", "fresh fetch"))
                    .anySatisfy(l -> assertThat(l).contains("server 10.0.0.2 (ztpbox)"));
        });
    }

    @Test
    void aPreparedResetThatLeasedElsewhereAndFetchedNothingIsCritical() {
        OverrideQuarantine q = OverrideQuarantine.begin(MAC, at(100, 0), "alice", "prepare reset", "quarantine/x",
                List.of(), List.of());
        List<PhoneEvent> events = before();
        events.add(e.dhcp(at(120, 0), "DISCOVER", "model", "VVX-VVX_410", "stage", "boot", "outcome", "watch mode"));
        events.add(e.dhcp(at(120, 1), "REQUEST", "server_id", "192.0.2.1", "requested_address", "192.0.2.77",
                "stage", "boot", "outcome", "chose server 192.0.2.1"));

        List<Finding> findings = detect(events, new ResetDetector.Context(List.of(q), List.of(), List.of()), 140);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("reset-not-provisioned-by-ztpbox");
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.summary()).contains("fetched no configuration from ztpbox",
                    "server 192.0.2.1 (not ztpbox)");
            assertThat(f.evidence()).anySatisfy(l -> assertThat(l).contains("the admin prepared the reset"));
            assertThat(f.fix()).contains("ztpbox doctor");
        });
        assertThat(detect(events, new ResetDetector.Context(List.of(q), List.of(), List.of()), 125))
                .as("still provisioning a few minutes after the boot: too early to say").isEmpty();
    }

    @Test
    void aResetPhoneServedItsStaleOverrideAgainIsCritical() {
        List<PhoneEvent> events = bootsThroughZtpbox(before());
        events.add(e.http(at(121, 0), "GET", "/prov/0004f2aa814c.cfg", 200));
        events.add(e.http(at(121, 1), "GET", "/prov/0004f2aa814c-phone.cfg", 200));
        Finding stale = new Finding("override-provisioning-server", Severity.CRITICAL, MAC.toString(),
                "0004f2aa814c-phone.cfg overrides the provisioning server", List.of(), "", at(121, 0));

        List<Finding> findings = detect(events, new ResetDetector.Context(List.of(), List.of(), List.of(stale)), 140);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("reset-undone-by-override");
            assertThat(f.evidence()).contains("0004f2aa814c-phone.cfg overrides the provisioning server");
            assertThat(f.fix()).contains("ztpbox prepare-reset 00:04:f2:aa:81:4c");
        });
    }

    @Test
    void theEmptyOverrideOfAnActiveQuarantineIsNoStaleOverride() {
        OverrideQuarantine q = OverrideQuarantine.begin(MAC, at(100, 0), "alice", "prepare reset", "quarantine/x",
                List.of(), List.of());
        List<PhoneEvent> events = bootsThroughZtpbox(before());
        events.add(e.http(at(121, 0), "GET", "/prov/0004f2aa814c.cfg", 200));
        events.add(e.http(at(121, 1), "GET", "/prov/0004f2aa814c-phone.cfg", 200));
        Finding stale = new Finding("override-provisioning-server", Severity.CRITICAL, MAC.toString(), "stale",
                List.of(), "", at(121, 0));

        List<Finding> findings = detect(events, new ResetDetector.Context(List.of(q), List.of(), List.of(stale)), 140);

        assertThat(findings).extracting(Finding::code).containsExactly("reset-provisioned-by-ztpbox");
    }

    @Test
    void onlyTheSharedMasterAndNoPerPhoneFileIsAWarning() {
        List<PhoneEvent> events = bootsThroughZtpbox(before());
        events.add(e.http(at(121, 0), "GET", "/prov/0004f2aa814c.cfg", 404));
        events.add(e.http(at(121, 1), "GET", "/prov/000000000000.cfg", 200));
        events.add(e.http(at(121, 2), "GET", "/prov/0004f2aa814c-phone.cfg", 404));

        assertThat(detect(events, NOTHING, 140)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("reset-no-per-phone-config");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.evidence()).anySatisfy(l -> assertThat(l).contains("/prov/0004f2aa814c.cfg -> 404"));
        });
    }

    @Test
    void deviceSettingsGoneFromItsUploadsSignAResetWithoutALongAbsence() {
        List<PhoneEvent> events = new ArrayList<>();
        events.add(e.http(at(100, 0), "GET", "/prov/000000000000.cfg", 200));
        events.add(e.dhcp(at(102, 0), "DISCOVER", "stage", "boot", "reply", "OFFER", "address", "10.0.0.57"));
        events.add(e.http(at(103, 0), "GET", "/prov/0004f2aa814c.cfg", 200));
        events.add(e.http(at(104, 0), "PUT", "/prov/0004f2aa814c-phone.cfg", 201));
        ResetDetector.UploadChange change = new ResetDetector.UploadChange("0004f2aa814c-phone.cfg", at(104, 0),
                Map.of("up.backlight.idleIntensity", "1"),
                Map.of("device.prov.serverName", "old-pbx", "device.set", "1", "up.backlight.idleIntensity", "1"));

        List<Finding> findings = detect(events, new ResetDetector.Context(List.of(), List.of(change), List.of()), 140);

        assertThat(findings).singleElement().satisfies(f -> assertThat(f.evidence()).anySatisfy(l -> assertThat(l)
                .contains("device settings gone from its uploads", "device.prov.serverName", "device.set")
                .doesNotContain("idleIntensity")));
    }

    @Test
    void onlyResetFindingsTellWhenThePhoneCameBack() {
        assertThat(ResetDetector.returnedAt(new Finding("override-provisioning-server", Severity.CRITICAL,
                MAC.toString(), MAC + " came back after a factory reset at 2024-05-01T12:00:00Z", List.of(), "",
                at(0, 0)))).isEmpty();
    }

    @Test
    void anOrdinaryRebootIsNoReset() {
        List<PhoneEvent> events = before();
        events.add(e.dhcp(at(3, 0), "DISCOVER", "stage", "boot", "reply", "OFFER", "address", "10.0.0.57"));
        events.add(e.http(at(4, 0), "GET", "/prov/0004f2aa814c.cfg", 200));

        assertThat(detect(events, NOTHING, 140)).isEmpty();
    }

    @Test
    void aLongAbsenceWithoutABootStageIsNoReset() {
        List<PhoneEvent> events = before();
        events.add(e.http(at(200, 0), "GET", "/prov/0004f2aa814c.cfg", 200, UA_STAGE, "Application"));

        assertThat(detect(events, NOTHING, 300)).isEmpty();
        assertThat(ResetDetector.bootStage(e.http(Instant.EPOCH, "GET", "/x.cfg", 200, UA_STAGE, "Updater")))
                .contains("Updater");
    }
}
