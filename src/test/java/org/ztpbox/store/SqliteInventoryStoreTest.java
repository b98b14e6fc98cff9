package org.ztpbox.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztpbox.core.InventoryStore;
import org.ztpbox.core.StoreException;

class SqliteInventoryStoreTest extends InventoryStoreContractTest {

    @TempDir
    Path dir;

    @Override
    protected InventoryStore open() {
        return SqliteInventoryStore.open(dir.resolve("ztpbox.db"));
    }

    @Test
    void survivesReopening() {
        long generation = store.replace(List.of(phone(a, "1")), "x.csv");
        store.close();

        store = open();

        assertThat(store.phones()).containsExactly(phone(a, "1"));
        assertThat(store.generation()).isEqualTo(generation);
    }

    @Test
    void anotherConnectionSeesAnImportAfterRefresh() {
        try (InventoryStore other = open()) {
            long generation = other.replace(List.of(phone(b, "2")), "cli.csv");

            assertThat(store.find(b)).as("not before a refresh").isEmpty();
            assertThat(store.refresh()).isTrue();
            assertThat(store.find(b)).contains(phone(b, "2"));
            assertThat(store.generation()).isEqualTo(generation);
            assertThat(store.refresh()).as("nothing new").isFalse();
        }
    }

    @Test
    void sharesTheFileWithTheLeaseStore() {
        try (SqliteLeaseStore leases = SqliteLeaseStore.open(dir.resolve("ztpbox.db"))) {
            store.replace(List.of(phone(a, "1")), "x.csv");

            assertThat(leases.loadLeases()).isEmpty();
        }
    }

    @Test
    void aFailureInTheMiddleOfAnImportChangesNothing() throws Exception {
        long before = store.replace(List.of(phone(a, "1")), "x.csv");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("ztpbox.db"));
             Statement st = c.createStatement()) {
            // The disk filling up half-way through, as SQLite would report it.
            st.execute("CREATE TRIGGER full BEFORE INSERT ON inventory WHEN NEW.mac = '00:04:f2:00:00:0b'"
                    + " BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");
        }

        assertThatThrownBy(() -> store.replace(List.of(phone(a, "10"), phone(b, "2")), "y.csv"))
                .isInstanceOf(StoreException.class).hasMessageContaining("nothing changed");

        assertThat(store.refresh()).isFalse();
        try (InventoryStore fresh = open()) {
            assertThat(fresh.phones()).containsExactly(phone(a, "1"));
            assertThat(fresh.generation()).isEqualTo(before);
        }
    }
}
