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

    /** Forgets what the phone holds: its next key then travels as the first one, over HTTPS only. */
    void forget(MacAddress phone);
}
