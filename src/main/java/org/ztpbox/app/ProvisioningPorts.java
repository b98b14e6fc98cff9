package org.ztpbox.app;

import org.ztpbox.core.FirmwareShelf;
import org.ztpbox.core.Inventory;
import org.ztpbox.core.KeyDelivery;

/**
 * What the generated configuration reads from other parts of the appliance: the inventory, the
 * firmware shelf and the key delivery of configuration encryption.
 */
record ProvisioningPorts(Inventory inventory, FirmwareShelf firmware, KeyDelivery keys) {

    /** No inventory, no firmware, no encryption: until those parts are wired in, every phone is unassigned. */
    static ProvisioningPorts none() {
        return new ProvisioningPorts(Inventory.none(), FirmwareShelf.none(), KeyDelivery.none());
    }
}
