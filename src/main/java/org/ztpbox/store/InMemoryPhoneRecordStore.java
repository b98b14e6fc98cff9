package org.ztpbox.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.PhoneRecord;
import org.ztpbox.core.PhoneRecordStore;

/** Phone records held in memory only: for tests and tools that need no persistence. Thread-safe. */
public final class InMemoryPhoneRecordStore implements PhoneRecordStore {

    private final ConcurrentSkipListMap<MacAddress, PhoneRecord> records = new ConcurrentSkipListMap<>();

    @Override
    public Optional<PhoneRecord> find(MacAddress mac) {
        return Optional.ofNullable(records.get(mac));
    }

    @Override
    public List<PhoneRecord> records() {
        return List.copyOf(records.values());
    }

    @Override
    public void save(Collection<PhoneRecord> saved) {
        saved.forEach(r -> records.put(r.mac(), r));
    }

    @Override
    public void close() {
    }
}
