package org.ztpbox.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ztpbox.provisioning.PhoneEvents.at;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.PhoneEvent;
import org.ztpbox.provisioning.PhoneEvents;

class FindingsLogTest {

    private static final MacAddress MAC = MacAddress.parse("0004f2aa814c");
    private final PhoneEvents e = new PhoneEvents(MAC);
    private final List<PhoneEvent> stored = new ArrayList<>();
    private final AtomicInteger checks = new AtomicInteger();
    private final FindingsLog log = new FindingsLog(stored::add, mac -> {
        checks.incrementAndGet();
        return List.of(new Finding("override-dhcp", Severity.CRITICAL, mac.toString(), "stale", List.of("x"), "fix",
                at(0, 0)));
    });

    @Test
    void everyEventReachesTheStoreAndOnlyRelevantOnesTriggerACheck() {
        log.record(e.http(at(0, 0), "GET", "/prov/sip.ld", 200));
        log.record(e.dhcp(at(0, 1), "REQUEST", "stage", "application"));

        assertThat(stored).hasSize(2);
        assertThat(log.run()).isEmpty();
        assertThat(checks).hasValue(0);

        log.record(e.http(at(1, 0), "PUT", "/prov/0004f2aa814c-phone.cfg", 201));
        assertThat(log.run()).singleElement().satisfies(f -> assertThat(f.code()).isEqualTo("override-dhcp"));
    }

    @Test
    void aFindingIsLoggedOnceHoweverOftenThePhoneIsChecked() {
        log.record(e.dhcp(at(0, 0), "DISCOVER", "stage", "boot"));
        assertThat(log.run()).hasSize(1);
        log.record(e.http(at(0, 5), "GET", "/prov/0004f2aa814c.cfg", 404));
        assertThat(log.run()).isEmpty();
        assertThat(checks).hasValue(2);
    }
}
