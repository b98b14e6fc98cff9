package org.ztpbox.core;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Persistence port for {@link OverrideQuarantine} records. Records are never deleted: they are how
 * the admin finds files moved aside years ago. At most one quarantine per phone is active.
 */
public interface QuarantineStore extends AutoCloseable {

    /**
     * Stores a new active quarantine and returns it with its id.
     *
     * @throws StoreException when the phone already has an active one, or the store fails
     */
    OverrideQuarantine add(OverrideQuarantine quarantine);

    /** Every active quarantine, oldest first. */
    List<OverrideQuarantine> active();

    /** The phone's active quarantine, if any. */
    default Optional<OverrideQuarantine> active(MacAddress mac) {
        return active().stream().filter(q -> q.mac().equals(mac)).findFirst();
    }

    /** Every quarantine of the phone, oldest first. */
    List<OverrideQuarantine> history(MacAddress mac);

    /**
     * Ends a quarantine: {@code ACTIVE} to {@code RELEASED} or {@code RESTORED}, or {@code RELEASED}
     * to {@code RESTORED}. Returns false when the record was not in a state that allows it (someone
     * else ended it first).
     */
    boolean end(long id, OverrideQuarantine.State to, Instant at, String by, String reason);

    @Override
    void close();
}
