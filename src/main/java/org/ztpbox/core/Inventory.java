package org.ztpbox.core;

import java.util.List;
import java.util.Optional;

/**
 * The phones the admin declared (read side). Thread-safe; reads are cheap enough to be made per
 * file request.
 */
public interface Inventory {

    Optional<Phone> find(MacAddress mac);

    /** Every phone, ordered by MAC. */
    List<Phone> phones();

    /**
     * A number that changes whenever the inventory does (an import, an edit), so that caches of
     * generated content know when to drop what they built.
     */
    long generation();

    /** No phones declared: every phone is unassigned and gets only the shared configuration. */
    static Inventory none() {
        return new Inventory() {
            @Override
            public Optional<Phone> find(MacAddress mac) {
                return Optional.empty();
            }

            @Override
            public List<Phone> phones() {
                return List.of();
            }

            @Override
            public long generation() {
                return 0;
            }
        };
    }
}
