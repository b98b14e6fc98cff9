package org.ztpbox.provisioning;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.OverrideQuarantine;

/**
 * The active quarantines as the file servers see them: a snapshot in memory, replaced whole by
 * {@link #replace}, so that a file request never waits on the store. The appliance refreshes it
 * every few seconds from the store, where {@code ztpbox prepare-reset} writes from another process.
 */
public final class ActiveQuarantines {

    private volatile Map<MacAddress, OverrideQuarantine> byMac = Map.of();

    public void replace(List<OverrideQuarantine> active) {
        Map<MacAddress, OverrideQuarantine> next = new HashMap<>();
        for (OverrideQuarantine q : active) {
            if (q.isActive()) {
                next.put(q.mac(), q);
            }
        }
        byMac = Map.copyOf(next);
    }

    public Optional<OverrideQuarantine> of(MacAddress mac) {
        return Optional.ofNullable(byMac.get(mac));
    }

    public List<OverrideQuarantine> all() {
        return List.copyOf(byMac.values());
    }
}
