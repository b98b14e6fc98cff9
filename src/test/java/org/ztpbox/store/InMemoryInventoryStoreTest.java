package org.ztpbox.store;

import org.ztpbox.core.InventoryStore;

class InMemoryInventoryStoreTest extends InventoryStoreContractTest {

    @Override
    protected InventoryStore open() {
        return new InMemoryInventoryStore();
    }
}
