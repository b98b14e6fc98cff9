package org.ztpbox.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztpbox.core.KeyDeliveryStore.HeldKey;
import org.ztpbox.core.Lease;
import org.ztpbox.core.MacAddress;

class SqliteKeyDeliveryStoreTest {

    private static final MacAddress A = MacAddress.parse("0004f2aa814c");
    private static final MacAddress B = MacAddress.parse("64:16:7f:00:00:01");
    private static final Instant T1 = Instant.parse("2026-11-03T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-12-03T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void remembersTheLatestKeyOfEachPhoneAcrossReopening() {
        try (SqliteLeaseStore store = SqliteLeaseStore.open(dir.resolve("ztpbox.db"))) {
            store.keyDeliveries().recordDelivered(A, "k1", T1);
            store.keyDeliveries().recordDelivered(B, "k1", T1);
            store.keyDeliveries().recordDelivered(A, "k2", T2);
        }
        try (SqliteLeaseStore store = SqliteLeaseStore.open(dir.resolve("ztpbox.db"))) {
            assertThat(store.keyDeliveries().loadHeldKeys())
                    .isEqualTo(Map.of(A, new HeldKey("k2", T2), B, new HeldKey("k1", T1)));
        }
    }

    @Test
    void forgettingAPhoneLeavesTheOthersAndTheLeases() {
        try (SqliteLeaseStore store = SqliteLeaseStore.open(dir.resolve("ztpbox.db"))) {
            Lease lease = new Lease(org.ztpbox.core.Ipv4Address.parse("10.0.0.5"), A, Lease.LeaseState.BOUND, T1,
                    T2, null, null);
            store.commit(List.of(lease), List.of());
            store.keyDeliveries().recordDelivered(A, "k1", T1);
            store.keyDeliveries().recordDelivered(B, "k1", T1);

            store.keyDeliveries().forget(A);

            assertThat(store.keyDeliveries().loadHeldKeys()).containsOnlyKeys(B);
            assertThat(store.loadLeases()).containsExactly(lease);
        }
    }

    @Test
    void theFingerprintSeesAnotherConnectionsChanges() {
        try (SqliteLeaseStore appliance = SqliteLeaseStore.open(dir.resolve("ztpbox.db"));
             SqliteLeaseStore command = SqliteLeaseStore.open(dir.resolve("ztpbox.db"))) {
            appliance.keyDeliveries().recordDelivered(A, "k1", T1);
            appliance.keyDeliveries().recordDelivered(B, "k1", T1);
            long first = appliance.keyDeliveries().fingerprint();
            assertThat(appliance.keyDeliveries().fingerprint()).as("stable while nothing changes").isEqualTo(first);

            assertThat(command.keyDeliveries().forget(A)).isTrue();
            assertThat(command.keyDeliveries().forget(A)).as("already forgotten").isFalse();
            long afterForget = appliance.keyDeliveries().fingerprint();
            assertThat(afterForget).isNotEqualTo(first);

            command.keyDeliveries().recordDelivered(B, "k2", T2);
            assertThat(appliance.keyDeliveries().fingerprint()).isNotEqualTo(afterForget);
        }
    }
}
