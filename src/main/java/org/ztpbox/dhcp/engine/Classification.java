package org.ztpbox.dhcp.engine;

import java.util.List;
import org.ztpbox.config.ClientClassConfig;
import org.ztpbox.dhcp.options.VendorClass;

/**
 * What the server knows of a client before answering it.
 *
 * @param classes     matching classes, in config order
 * @param vendorClass decoded option 60, or null when absent
 */
public record Classification(List<ClientClassConfig> classes, VendorClass vendorClass) {

    public boolean isPhone() {
        return classes.stream().anyMatch(ClientClassConfig::phone);
    }

    /** The pool the client draws from: the first matching class that has one, else the subnet's. */
    public String poolName() {
        return classes.stream().filter(c -> !c.pool().isEmpty()).map(ClientClassConfig::name).findFirst()
                .orElse(org.ztpbox.dhcp.pool.LeaseTable.DEFAULT_POOL);
    }

    public String classNames() {
        return String.join(",", classes.stream().map(ClientClassConfig::name).toList());
    }
}
