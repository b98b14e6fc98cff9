package org.ztpbox.provisioning;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.ztpbox.core.KeyDeliveryStore;
import org.ztpbox.core.MacAddress;

/** The delivery store for tests that need no database. */
final class InMemoryKeyDeliveryStore implements KeyDeliveryStore {

    final Map<MacAddress, HeldKey> rows = new HashMap<>();

    @Override
    public synchronized Map<MacAddress, HeldKey> loadHeldKeys() {
        return Map.copyOf(rows);
    }

    @Override
    public synchronized void recordDelivered(MacAddress phone, String keyName, Instant at) {
        rows.put(phone, new HeldKey(keyName, at));
    }

    @Override
    public synchronized boolean forget(MacAddress phone) {
        return rows.remove(phone) != null;
    }
}
