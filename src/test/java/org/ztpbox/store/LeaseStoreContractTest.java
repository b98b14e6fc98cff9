package org.ztpbox.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.Lease;
import org.ztpbox.core.LeaseStore;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.PhoneEvent;

/** What every {@link LeaseStore} backend must do; each backend's test extends this. */
abstract class LeaseStoreContractTest {

    protected final Instant t0 = Instant.parse("2026-11-22T10:00:00Z");
    protected final MacAddress a = MacAddress.parse("00:04:f2:00:00:0a");
    protected final MacAddress b = MacAddress.parse("00:04:f2:00:00:0b");
    protected LeaseStore store;

    protected abstract LeaseStore open();

    @BeforeEach
    void openStore() {
        store = open();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    protected Lease bound(String address, MacAddress mac) {
        return new Lease(Ipv4Address.parse(address), mac, Lease.LeaseState.BOUND, t0, t0.plusSeconds(3600), "h", null);
    }

    @Test
    void keepsWhatWasCommitted() {
        store.commit(List.of(bound("10.0.0.5", a)), List.of());

        assertThat(store.loadLeases()).containsExactly(bound("10.0.0.5", a));
    }

    @Test
    void holdsOneLeasePerAddress() {
        store.commit(List.of(bound("10.0.0.5", a)), List.of());
        store.commit(List.of(bound("10.0.0.5", b)), List.of());

        assertThat(store.loadLeases()).containsExactly(bound("10.0.0.5", b));
    }

    @Test
    void aClientMovingToANewAddressLeavesItsOldOne() {
        store.commit(List.of(bound("10.0.0.5", a)), List.of());
        store.commit(List.of(bound("10.0.0.6", a)), List.of());

        assertThat(store.loadLeases()).containsExactly(bound("10.0.0.6", a));
    }

    @Test
    void storesAndReturnsEventsInOrder() {
        PhoneEvent first = new PhoneEvent(t0, a, "dhcp", "DISCOVER", Map.of("server_id", "192.0.2.1"));
        PhoneEvent second = new PhoneEvent(t0.plusSeconds(1), a, "dhcp", "REQUEST", Map.of());
        PhoneEvent other = new PhoneEvent(t0.plusSeconds(2), b, "dhcp", "DISCOVER", Map.of());
        store.commit(List.of(), List.of(first, second, other));

        assertThat(store.events(a, 10)).containsExactly(first, second);
        assertThat(store.events(null, 2)).containsExactly(second, other);
    }

    @Test
    void prunesOldEvents() {
        store.commit(List.of(), List.of(new PhoneEvent(t0, a, "dhcp", "DISCOVER", Map.of()),
                new PhoneEvent(t0.plusSeconds(100), a, "dhcp", "REQUEST", Map.of())));

        assertThat(store.pruneEvents(t0.plusSeconds(50))).isEqualTo(1);
        assertThat(store.events(a, 10)).extracting(PhoneEvent::type).containsExactly("REQUEST");
    }
}
