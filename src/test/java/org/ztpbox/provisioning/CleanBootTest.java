package org.ztpbox.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ztpbox.provisioning.PhoneEvents.at;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.OverrideQuarantine;
import org.ztpbox.core.PhoneEvent;
import org.ztpbox.core.UploadName;

class CleanBootTest {

    private static final MacAddress MAC = MacAddress.parse("0004f2aa814c");
    private static final Duration GRACE = Duration.ofMinutes(15);
    private static final OverrideQuarantine Q = OverrideQuarantine.begin(MAC, at(0, 0), "alice", "prepare reset",
            "quarantine/x", List.of("0004f2aa814c-phone.cfg"), List.of("device.prov.serverName"));

    private final PhoneEvents e = new PhoneEvents(MAC);
    private final Map<UploadName, Map<String, String>> uploads = new HashMap<>();

    private CleanBoot.Verdict verdict(List<PhoneEvent> events, int minute) {
        return CleanBoot.evaluate(Q, events, n -> Optional.ofNullable(uploads.get(n)), at(minute, 0), GRACE);
    }

    /** A phone booting through ztpbox: master, per-phone file, then its overrides (served empty). */
    private List<PhoneEvent> boot(int minute) {
        return List.of(e.http(at(minute, 1), "GET", "/prov/0004f2aa814c.cfg", 404),
                e.http(at(minute, 2), "GET", "/prov/000000000000.cfg", 200),
                e.http(at(minute, 3), "GET", "/prov/0004f2aa814c-user.cfg", 200),
                e.http(at(minute, 4), "GET", "/prov/0004f2aa814c-phone.cfg", 200),
                e.http(at(minute, 5), "GET", "/prov/0004f2aa814c-web.cfg", 200));
    }

    private static List<PhoneEvent> plus(List<PhoneEvent> a, PhoneEvent... more) {
        List<PhoneEvent> out = new java.util.ArrayList<>(a);
        out.addAll(List.of(more));
        return out;
    }

    @Test
    void aPhoneThatHasNotBootedSinceIsNotClean() {
        List<PhoneEvent> before = List.of(e.http(at(-5, 0), "GET", "/prov/000000000000.cfg", 200),
                e.http(at(-5, 1), "GET", "/prov/0004f2aa814c-phone.cfg", 200));

        assertThat(verdict(before, 60).clean()).isFalse();
        assertThat(verdict(before, 60).reason()).contains("has not booted through ztpbox");
    }

    @Test
    void aBootWithoutUploadIsCleanOnlyAfterTheGracePeriod() {
        assertThat(verdict(boot(2), 10)).satisfies(v -> {
            assertThat(v.clean()).isFalse();
            assertThat(v.reason()).contains("waiting until 2024-05-01T10:17:04Z");
        });
        assertThat(verdict(boot(2), 18)).satisfies(v -> {
            assertThat(v.clean()).isTrue();
            assertThat(v.reason()).contains("uploaded no override within 15 min");
        });
    }

    @Test
    void aFreshUploadWithoutTheFlaggedParametersIsCleanAtOnce() {
        uploads.put(new UploadName(MAC, "-phone.cfg"), Map.of("up.backlight.idleIntensity", "1"));
        List<PhoneEvent> events = plus(boot(2), e.http(at(3, 0), "PUT", "/prov/0004f2aa814c-phone.cfg", 201));

        CleanBoot.Verdict v = verdict(events, 3);

        assertThat(v.clean()).isTrue();
        assertThat(v.reason()).contains("uploaded a fresh 0004f2aa814c-phone.cfg without the flagged parameters");
    }

    @Test
    void aFreshUploadStillHoldingAFlaggedParameterMeansThePhoneWasNotReset() {
        uploads.put(new UploadName(MAC, "-phone.cfg"), Map.of("device.prov.serverName", "old-pbx"));
        List<PhoneEvent> events = plus(boot(2), e.http(at(3, 0), "PUT", "/prov/0004f2aa814c-phone.cfg", 204));

        CleanBoot.Verdict v = verdict(events, 60);

        assertThat(v.clean()).as("not even after the grace period").isFalse();
        assertThat(v.reason()).contains("still holds device.prov.serverName", "was it factory-reset?");
    }

    @Test
    void anOverrideRequestBeforeAnyConfigurationFetchIsNoBoot() {
        List<PhoneEvent> events = List.of(e.http(at(2, 0), "GET", "/prov/0004f2aa814c-phone.cfg", 200),
                e.http(at(2, 1), "GET", "/prov/000000000000.cfg", 200));

        assertThat(verdict(events, 60).clean()).isFalse();
    }

    @Test
    void tftpBootsCountToo() {
        List<PhoneEvent> events = List.of(e.tftp(at(2, 0), "RRQ", "000000000000.cfg", "completed"),
                e.tftp(at(2, 1), "RRQ", "0004f2aa814c-phone.cfg", "completed"),
                e.tftp(at(2, 2), "WRQ", "0004f2aa814c-web.cfg", "completed"));
        uploads.put(new UploadName(MAC, "-web.cfg"), Map.of());

        assertThat(verdict(events, 3).clean()).isTrue();
    }
}
