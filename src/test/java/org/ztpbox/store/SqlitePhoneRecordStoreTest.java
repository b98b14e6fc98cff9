package org.ztpbox.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztpbox.core.PhoneRecordStore;

class SqlitePhoneRecordStoreTest extends PhoneRecordStoreContractTest {

    @TempDir
    Path dir;

    @Override
    protected PhoneRecordStore open() {
        return SqlitePhoneRecordStore.open(dir.resolve("ztpbox.db"));
    }

    @Test
    void survivesReopeningAndIsSeenByAnotherConnection() {
        try (PhoneRecordStore reader = open()) {
            store.save(List.of(full(a)));
            store.close();
            store = open();

            assertThat(store.records()).containsExactly(full(a));
            assertThat(reader.find(a)).contains(full(a));
        }
    }
}
