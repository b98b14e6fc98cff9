package org.ztpbox.store;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.ztpbox.core.InventoryStore;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.Phone;

/** An inventory held in memory only: for tests and tools that need no persistence. Thread-safe. */
public final class InMemoryInventoryStore implements InventoryStore {

    private volatile Map<MacAddress, Phone> phones = Map.of();
    private volatile long generation;

    @Override
    public Optional<Phone> find(MacAddress mac) {
        return Optional.ofNullable(phones.get(mac));
    }

    @Override
    public List<Phone> phones() {
        return List.copyOf(phones.values());
    }

    @Override
    public long generation() {
        return generation;
    }

    @Override
    public synchronized long replace(List<Phone> newPhones, String source) {
        InventoryStore.requireUniqueMacs(newPhones);
        Map<MacAddress, Phone> next = new TreeMap<>();
        newPhones.forEach(phone -> next.put(phone.mac(), phone));
        phones = Collections.unmodifiableMap(next);
        return ++generation;
    }

    @Override
    public boolean refresh() {
        return false; // nobody else writes to this store
    }

    @Override
    public void close() {
    }
}
