package org.ztpbox.provisioning.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.Phone;
import org.ztpbox.core.PhoneEvent;
import org.ztpbox.core.PhoneRecord;
import org.ztpbox.store.InMemoryInventoryStore;
import org.ztpbox.store.InMemoryPhoneRecordStore;

class PhoneRecorderTest {

    private final Instant t0 = Instant.parse("2026-11-22T10:00:00Z");
    private final MacAddress phone = MacAddress.parse("0004f2aa814c");
    private final MacAddress laptop = MacAddress.parse("3c22fb000001");
    private final MacAddress declared = MacAddress.parse("3c22fb000002");
    private final List<PhoneEvent> journal = new ArrayList<>();
    private final InMemoryInventoryStore inventory = new InMemoryInventoryStore();
    private final InMemoryPhoneRecordStore store = new InMemoryPhoneRecordStore();

    private PhoneEvent dhcp(MacAddress mac, boolean isPhone) {
        return new PhoneEvent(t0, mac, "dhcp", "DISCOVER", Map.of("phone", Boolean.toString(isPhone)));
    }

    @Test
    void passesEveryEventOnAndRecordsOnlyPhones() {
        inventory.replace(List.of(new Phone(declared, "", "", "", "", "", "", "", "", Map.of())), "x.csv");
        PhoneRecorder recorder = new PhoneRecorder(journal::add, inventory, store);
        PhoneEvent anonymous = new PhoneEvent(t0, null, "http", "GET", Map.of("status", "404"));

        recorder.record(dhcp(phone, true));
        recorder.record(dhcp(laptop, false));
        recorder.record(dhcp(declared, false));
        recorder.record(anonymous);

        assertThat(journal).hasSize(4);
        assertThat(recorder.records()).extracting(PhoneRecord::mac).containsExactly(phone, declared);
    }

    @Test
    void writesChangedRecordsOnFlushAndLoadsThemAtStart() {
        PhoneRecorder recorder = new PhoneRecorder(journal::add, inventory, store);
        recorder.record(dhcp(phone, true));
        assertThat(store.records()).as("not before the flush").isEmpty();

        recorder.flush();

        assertThat(store.records()).extracting(PhoneRecord::mac).containsExactly(phone);
        PhoneRecorder restarted = new PhoneRecorder(journal::add, inventory, store);
        assertThat(restarted.find(phone)).map(PhoneRecord::firstSeen).contains(t0);
    }

    @Test
    void aFailedFlushIsRetried() {
        List<Integer> attempts = new ArrayList<>();
        InMemoryPhoneRecordStore failingOnce = new InMemoryPhoneRecordStore();
        PhoneRecorder recorder = new PhoneRecorder(journal::add, inventory, new org.ztpbox.core.PhoneRecordStore() {
            @Override
            public void save(java.util.Collection<PhoneRecord> records) {
                attempts.add(records.size());
                if (attempts.size() == 1) {
                    throw new org.ztpbox.core.StoreException("disk full");
                }
                failingOnce.save(records);
            }

            @Override
            public java.util.Optional<PhoneRecord> find(MacAddress mac) {
                return failingOnce.find(mac);
            }

            @Override
            public List<PhoneRecord> records() {
                return failingOnce.records();
            }

            @Override
            public void close() {
            }
        });
        recorder.record(dhcp(phone, true));

        recorder.flush();
        recorder.flush();

        assertThat(attempts).containsExactly(1, 1);
        assertThat(failingOnce.records()).hasSize(1);
    }
}
