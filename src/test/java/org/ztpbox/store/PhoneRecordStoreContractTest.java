package org.ztpbox.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.PhoneRecord;
import org.ztpbox.core.PhoneRecordStore;

/** What every {@link PhoneRecordStore} backend must do; each backend's test extends this. */
abstract class PhoneRecordStoreContractTest {

    protected final Instant t0 = Instant.parse("2026-11-22T10:00:00Z");
    protected final MacAddress a = MacAddress.parse("00:04:f2:00:00:0a");
    protected final MacAddress b = MacAddress.parse("00:04:f2:00:00:0b");
    protected PhoneRecordStore store;

    protected abstract PhoneRecordStore open();

    @BeforeEach
    void openStore() {
        store = open();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    protected PhoneRecord full(MacAddress mac) {
        return new PhoneRecord(mac, "VVX410", "3111-46162-001", "5.9.5.0614", "5.9.5.0614", "application",
                "10.0.0.7", t0, t0.plusSeconds(30), "http", "/prov/0004f200000a.cfg", t0.plusSeconds(29));
    }

    @Test
    void keepsEveryFieldIncludingTheUnknownOnes() {
        PhoneRecord bare = PhoneRecord.firstSeen(b, t0, "dhcp");
        store.save(List.of(full(a), bare));

        assertThat(store.find(a)).contains(full(a));
        assertThat(store.find(b)).contains(bare);
    }

    @Test
    void aSavedRecordReplacesTheOneOfItsMac() {
        store.save(List.of(PhoneRecord.firstSeen(a, t0, "dhcp")));
        store.save(List.of(full(a)));

        assertThat(store.records()).containsExactly(full(a));
    }

    @Test
    void listsRecordsByMac() {
        store.save(List.of(full(b), full(a)));

        assertThat(store.records()).extracting(PhoneRecord::mac).containsExactly(a, b);
    }

    @Test
    void findsNothingForAPhoneNeverSeen() {
        assertThat(store.find(a)).isEmpty();
        assertThat(store.records()).isEmpty();
    }
}
