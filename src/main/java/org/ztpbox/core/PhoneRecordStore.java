package org.ztpbox.core;

import java.util.Collection;

/** Persistence port for {@link PhoneRecord}s. */
public interface PhoneRecordStore extends PhoneRegistry, AutoCloseable {

    /** Writes these records (each replacing the one of its MAC) in one durable transaction. */
    void save(Collection<PhoneRecord> records);

    @Override
    void close();
}
