package org.ztpbox.core;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Persistence port for the inventory. An import replaces the whole inventory in one transaction:
 * after a crash the inventory is the old one or the new one, never a mix.
 */
public interface InventoryStore extends Inventory, AutoCloseable {

    /**
     * Replaces every phone by {@code phones} and advances the generation, in one durable
     * transaction; returns the new generation. Throws {@link IllegalArgumentException}, changing
     * nothing, when a MAC is given twice.
     *
     * @param source what the phones came from (a file name), kept for the admin
     */
    long replace(List<Phone> phones, String source);

    /** The check every implementation makes before {@link #replace} touches anything. */
    static void requireUniqueMacs(List<Phone> phones) {
        Set<MacAddress> seen = new HashSet<>();
        for (Phone phone : phones) {
            if (!seen.add(phone.mac())) {
                throw new IllegalArgumentException("MAC " + phone.mac() + " is given twice (nothing changed)");
            }
        }
    }

    /**
     * Re-reads the generation the store holds, so that an import done by another process becomes
     * visible; returns true when the inventory changed since the last read. Cheap enough to call
     * every second.
     */
    boolean refresh();

    @Override
    void close();
}
