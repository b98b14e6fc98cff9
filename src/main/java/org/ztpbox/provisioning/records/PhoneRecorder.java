package org.ztpbox.provisioning.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ztpbox.core.EventSink;
import org.ztpbox.core.Inventory;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.PhoneEvent;
import org.ztpbox.core.PhoneRecord;
import org.ztpbox.core.PhoneRecordStore;
import org.ztpbox.core.PhoneRegistry;
import org.ztpbox.core.StoreException;

/**
 * The live phone registry: an {@link EventSink} in front of the event journal that passes every
 * event on and folds the phones' events into their records. Records are kept in memory (the
 * protocol threads must not wait for a disk) and written to the store by {@link #flush}, which the
 * appliance calls every second: a crash loses at most that second of observations, never an event.
 *
 * <p>Which events concern a phone: a DHCP message from a client classified as a phone, any TFTP or
 * HTTP request that names a MAC (a phone's file name, the User-Agent's serial, credentials, a
 * certificate), and anything from a MAC the inventory declares.
 */
public final class PhoneRecorder implements EventSink, PhoneRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(PhoneRecorder.class);

    private final EventSink next;
    private final Inventory inventory;
    private final PhoneRecordStore store;
    private final ConcurrentSkipListMap<MacAddress, PhoneRecord> records = new ConcurrentSkipListMap<>();
    private final ConcurrentHashMap<MacAddress, Boolean> dirty = new ConcurrentHashMap<>();

    /** Loads the stored records, so that first-seen times survive restarts. */
    public PhoneRecorder(EventSink next, Inventory inventory, PhoneRecordStore store) {
        this.next = next;
        this.inventory = inventory;
        this.store = store;
        store.records().forEach(r -> records.put(r.mac(), r));
    }

    @Override
    public void record(PhoneEvent event) {
        next.record(event);
        if (event.mac() != null && concernsAPhone(event)) {
            records.compute(event.mac(), (mac, prior) -> PhoneObservations.apply(prior, event));
            dirty.put(event.mac(), Boolean.TRUE);
        }
    }

    private boolean concernsAPhone(PhoneEvent event) {
        if (!event.source().equals("dhcp")) {
            return true;
        }
        return "true".equals(event.detail("phone")) || inventory.find(event.mac()).isPresent();
    }

    @Override
    public Optional<PhoneRecord> find(MacAddress mac) {
        return Optional.ofNullable(records.get(mac));
    }

    @Override
    public List<PhoneRecord> records() {
        return List.copyOf(records.values());
    }

    /** Writes the records changed since the last flush in one transaction; on failure they stay due. */
    public void flush() {
        List<PhoneRecord> due = new ArrayList<>();
        for (MacAddress mac : dirty.keySet()) {
            dirty.remove(mac);
            due.add(records.get(mac));
        }
        if (due.isEmpty()) {
            return;
        }
        try {
            store.save(due);
        } catch (StoreException e) {
            due.forEach(r -> dirty.put(r.mac(), Boolean.TRUE));
            LOG.warn("Saving {} phone records failed, will retry: {}", due.size(), e.getMessage());
        }
    }
}
