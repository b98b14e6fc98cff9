package org.ztpbox.provisioning.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.Phone;
import org.ztpbox.core.PhoneRecord;

class PhoneOverviewTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private static Phone phone(String mac) {
        return new Phone(MacAddress.parse(mac), "VVX410", "", "", "", "", "", "", "", Map.of());
    }

    private static PhoneRecord record(String mac) {
        return PhoneRecord.firstSeen(MacAddress.parse(mac), T0, "dhcp");
    }

    @Test
    void joinsDeclaredAndObservedPhonesByMac() {
        List<PhoneOverview> all = PhoneOverview.of(List.of(phone("0004f2000003"), phone("0004f2000001")),
                List.of(record("0004f2000002"), record("0004f2000001")));

        assertThat(all).extracting(o -> o.mac().compact() + " " + o.status()).containsExactly(
                "0004f2000001 assigned", "0004f2000002 unassigned", "0004f2000003 not seen");
        assertThat(all.get(0).declared()).isEqualTo(phone("0004f2000001"));
        assertThat(all.get(0).observed()).isEqualTo(record("0004f2000001"));
    }

    @Test
    void theModelIsTheReportedOneElseTheDeclaredOne() {
        PhoneOverview declaredOnly = PhoneOverview.of(List.of(phone("0004f2000001")), List.of()).get(0);
        PhoneOverview seenWithoutModel = PhoneOverview.of(List.of(), List.of(record("0004f2000001"))).get(0);

        assertThat(declaredOnly.model()).isEqualTo("VVX410");
        assertThat(seenWithoutModel.model()).isNull();
    }
}
