package org.ztpbox.store;

import org.ztpbox.core.PhoneRecordStore;

class InMemoryPhoneRecordStoreTest extends PhoneRecordStoreContractTest {

    @Override
    protected PhoneRecordStore open() {
        return new InMemoryPhoneRecordStore();
    }
}
