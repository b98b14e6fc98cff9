package org.ztpbox.core;

import java.util.List;
import java.util.Optional;

/**
 * The phones' records of observed facts (read side): every phone that contacted the appliance,
 * whether or not the inventory declares it. Thread-safe.
 */
public interface PhoneRegistry {

    Optional<PhoneRecord> find(MacAddress mac);

    /** Every record, ordered by MAC. */
    List<PhoneRecord> records();
}
