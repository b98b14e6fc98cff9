package org.ztpbox.dhcp.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.Ipv4Range;
import org.ztpbox.core.Lease;
import org.ztpbox.core.MacAddress;

class LeaseTableTest {

    private static final String POOL = LeaseTable.DEFAULT_POOL;
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration HOLD = Duration.ofSeconds(30);
    private final Instant t0 = Instant.parse("2026-11-22T10:00:00Z");
    private final MacAddress a = MacAddress.parse("00:04:f2:00:00:0a");
    private final MacAddress b = MacAddress.parse("00:04:f2:00:00:0b");
    private final MacAddress reserved = MacAddress.parse("00:04:f2:00:00:99");

    private LeaseTable table(String range) {
        return new LeaseTable(Map.of(POOL, List.of(Ipv4Range.parse(range))),
                Map.of(reserved, ip("10.0.0.50")));
    }

    private static Ipv4Address ip(String text) {
        return Ipv4Address.parse(text);
    }

    @Test
    void handsOutThePoolInOrderAndNeverTheSameAddressTwice() {
        LeaseTable table = table("10.0.0.10-10.0.0.12");
        Set<Ipv4Address> given = new HashSet<>();
        for (int i = 1; i <= 3; i++) {
            MacAddress mac = new MacAddress(i);
            Ipv4Address address = table.choose(mac, null, POOL, t0);
            table.offer(mac, address, HOLD, t0);
            assertThat(given.add(address)).as("address %s given twice", address).isTrue();
        }
        assertThat(given).containsExactlyInAnyOrder(ip("10.0.0.10"), ip("10.0.0.11"), ip("10.0.0.12"));
    }

    @Test
    void offersAClientItsCurrentAddressAgain() {
        LeaseTable table = table("10.0.0.10-10.0.0.20");
        table.bind(a, ip("10.0.0.15"), HOUR, null, null, t0);

        assertThat(table.choose(a, ip("10.0.0.11"), POOL, t0.plusSeconds(60))).isEqualTo(ip("10.0.0.15"));
    }

    @Test
    void offersTheRequestedAddressWhenFree() {
        LeaseTable table = table("10.0.0.10-10.0.0.20");

        assertThat(table.choose(a, ip("10.0.0.17"), POOL, t0)).isEqualTo(ip("10.0.0.17"));
    }

    @Test
    void neverOffersAnAddressHeldByAnotherClient() {
        LeaseTable table = table("10.0.0.10-10.0.0.20");
        table.bind(b, ip("10.0.0.17"), HOUR, null, null, t0);

        assertThat(table.choose(a, ip("10.0.0.17"), POOL, t0)).isNotEqualTo(ip("10.0.0.17"));
        assertThat(table.assignable(a, ip("10.0.0.17"), POOL, t0)).isFalse();
    }

    @Test
    void givesAReservedAddressOnlyToItsMac() {
        LeaseTable table = new LeaseTable(Map.of(POOL, List.of(Ipv4Range.parse("10.0.0.49-10.0.0.51"))),
                Map.of(reserved, ip("10.0.0.50")));

        assertThat(table.choose(reserved, null, POOL, t0)).isEqualTo(ip("10.0.0.50"));
        assertThat(table.choose(a, ip("10.0.0.50"), POOL, t0)).isNotEqualTo(ip("10.0.0.50"));
        assertThat(table.assignable(a, ip("10.0.0.50"), POOL, t0)).isFalse();
    }

    @Test
    void reusesAnExpiredLeaseForSomeoneElseWhenThePoolIsFull() {
        LeaseTable table = table("10.0.0.10-10.0.0.10");
        table.bind(a, ip("10.0.0.10"), Duration.ofMinutes(10), null, null, t0);

        assertThat(table.choose(b, null, POOL, t0.plusSeconds(60))).isNull();
        assertThat(table.choose(b, null, POOL, t0.plusSeconds(601))).isEqualTo(ip("10.0.0.10"));
    }

    @Test
    void reclaimsTheOldestUntakenOfferWhenAFloodEmptiesThePool() {
        LeaseTable table = table("10.0.0.10-10.0.0.11");
        MacAddress flood1 = new MacAddress(0x020000000001L);
        MacAddress flood2 = new MacAddress(0x020000000002L);
        table.offer(flood1, table.choose(flood1, null, POOL, t0), HOLD, t0);
        table.offer(flood2, table.choose(flood2, null, POOL, t0), HOLD, t0.plusMillis(1));

        Ipv4Address forRealClient = table.choose(a, null, POOL, t0.plusMillis(2));

        assertThat(forRealClient).isEqualTo(ip("10.0.0.10"));
        table.offer(a, forRealClient, HOLD, t0.plusMillis(2));
        assertThat(table.holderOf(ip("10.0.0.10"), t0.plusMillis(3))).isEqualTo(a);
    }

    @Test
    void neverReclaimsABoundLease() {
        LeaseTable table = table("10.0.0.10-10.0.0.10");
        table.bind(a, ip("10.0.0.10"), HOUR, null, null, t0);

        assertThat(table.choose(b, null, POOL, t0.plusSeconds(5))).isNull();
    }

    @Test
    void quarantinesADeclinedAddressForEveryone() {
        LeaseTable table = table("10.0.0.10-10.0.0.11");
        table.offer(a, ip("10.0.0.10"), HOLD, t0);
        Lease declined = table.decline(a, ip("10.0.0.10"), Duration.ofMinutes(5), t0);

        assertThat(declined.state()).isEqualTo(Lease.LeaseState.DECLINED);
        assertThat(table.choose(a, null, POOL, t0.plusSeconds(1))).isEqualTo(ip("10.0.0.11"));
        assertThat(table.assignable(b, ip("10.0.0.10"), POOL, t0.plusSeconds(1))).isFalse();
        assertThat(table.assignable(b, ip("10.0.0.10"), POOL, t0.plusSeconds(301))).isTrue();
    }

    @Test
    void aReleasedAddressIsFreeAndRememberedAsTheClientsPreviousOne() {
        LeaseTable table = table("10.0.0.10-10.0.0.20");
        table.bind(a, ip("10.0.0.14"), HOUR, null, null, t0);
        Lease released = table.release(a, ip("10.0.0.14"), t0.plusSeconds(10));

        assertThat(released.state()).isEqualTo(Lease.LeaseState.RELEASED);
        assertThat(table.holderOf(ip("10.0.0.14"), t0.plusSeconds(11))).isNull();
        assertThat(table.choose(a, null, POOL, t0.plusSeconds(20))).isEqualTo(ip("10.0.0.14"));
    }

    @Test
    void aReleaseOfSomeoneElsesAddressChangesNothing() {
        LeaseTable table = table("10.0.0.10-10.0.0.20");
        table.bind(a, ip("10.0.0.14"), HOUR, null, null, t0);

        assertThat(table.release(b, ip("10.0.0.14"), t0)).isNull();
        assertThat(table.holderOf(ip("10.0.0.14"), t0)).isEqualTo(a);
    }

    @Test
    void rebuildsFromStoredLeases() {
        LeaseTable table = table("10.0.0.10-10.0.0.20");
        table.load(List.of(new Lease(ip("10.0.0.10"), a, Lease.LeaseState.BOUND, t0, t0.plus(HOUR), null, null)), t0);

        assertThat(table.holderOf(ip("10.0.0.10"), t0.plusSeconds(1))).isEqualTo(a);
        assertThat(table.choose(b, null, POOL, t0.plusSeconds(1))).isEqualTo(ip("10.0.0.11"));
        assertThat(table.choose(a, null, POOL, t0.plusSeconds(1))).isEqualTo(ip("10.0.0.10"));
    }

    @Test
    void aReleasedLeaseLoadedFromTheStoreLeavesItsAddressFree() {
        LeaseTable table = table("10.0.0.10-10.0.0.10");
        table.load(List.of(new Lease(ip("10.0.0.10"), a, Lease.LeaseState.RELEASED, t0, t0, null, null)), t0);

        assertThat(table.usage().get(POOL)).containsExactly(0, 1);
        assertThat(table.choose(b, null, POOL, t0.plusSeconds(1))).isEqualTo(ip("10.0.0.10"));
    }

    @Test
    void sweepFreesExpiredOffers() {
        LeaseTable table = table("10.0.0.10-10.0.0.10");
        table.offer(a, ip("10.0.0.10"), HOLD, t0);
        table.sweep(t0.plusSeconds(31));

        assertThat(table.usage().get(POOL)).containsExactly(0, 1);
        assertThat(table.choose(b, null, POOL, t0.plusSeconds(31))).isEqualTo(ip("10.0.0.10"));
    }
}
