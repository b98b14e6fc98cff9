package org.ztpbox.core;

import java.time.Instant;
import java.util.List;

/**
 * Persistence port for leases and events. Implementations commit each call to
 * {@link #commit} as one durable transaction, and survive the process being killed at any moment.
 */
public interface LeaseStore extends AutoCloseable {

    /** Every lease row, whatever its state. */
    List<Lease> loadLeases();

    /**
     * Writes leases and events in one transaction. A lease replaces the row for its address and
     * removes any other BOUND row of the same MAC, so that a client holds one address at a time.
     */
    void commit(List<Lease> leases, List<PhoneEvent> events);

    /** Events in time order, newest last; {@code mac} null means all clients. */
    List<PhoneEvent> events(MacAddress mac, int limit);

    /** Deletes events older than {@code cutoff}; returns how many went. */
    int pruneEvents(Instant cutoff);

    @Override
    void close();
}
