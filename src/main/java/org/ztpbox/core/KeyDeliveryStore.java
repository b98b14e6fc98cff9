package org.ztpbox.core;

import java.time.Instant;
import java.util.Map;

/**
 * Which encryption key each phone holds, as far as the appliance knows: a phone holds a key once
 * it has completely fetched the file that carried it. Survives restarts.
 */
public interface KeyDeliveryStore {

    /** @param keyName the KeyDesc of the key the phone holds */
    record HeldKey(String keyName, Instant deliveredAt) {
    }

    Map<MacAddress, HeldKey> loadHeldKeys();

    void recordDelivered(MacAddress phone, String keyName, Instant at);

    /**
     * Forgets what the phone holds: its next key then travels as the first one, over HTTPS only.
     *
     * @return whether the phone was recorded as holding a key
     */
    boolean forget(MacAddress phone);

    /**
     * A value that changes whenever the rows do (in practice: rows added, removed or re-delivered),
     * so that a running appliance notices another process's change without reading every row.
     */
    default long fingerprint() {
        return loadHeldKeys().hashCode();
    }
}
