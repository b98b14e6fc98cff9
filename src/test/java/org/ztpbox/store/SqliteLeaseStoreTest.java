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
import org.ztpbox.core.LeaseStore;
import org.ztpbox.core.StoreException;

class SqliteLeaseStoreTest extends LeaseStoreContractTest {

    @TempDir
    Path dir;

    @Override
    protected LeaseStore open() {
        return SqliteLeaseStore.open(dir.resolve("ztpbox.db"));
    }

    @Test
    void survivesReopening() {
        store.commit(List.of(bound("10.0.0.5", a)), List.of());
        store.close();

        store = open();

        assertThat(store.loadLeases()).containsExactly(bound("10.0.0.5", a));
    }

    @Test
    void runsInWalModeAtTheLatestSchema() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("ztpbox.db"));
             Statement st = c.createStatement()) {
            var rs = st.executeQuery("PRAGMA journal_mode");
            rs.next();
            assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
            var version = st.executeQuery("SELECT MAX(version) FROM schema_version");
            version.next();
            assertThat(version.getInt(1)).isEqualTo(4);
            var index = st.executeQuery("SELECT COUNT(*) FROM sqlite_master WHERE name = 'events_by_time'");
            index.next();
            assertThat(index.getInt(1)).as("V2 dropped the time index").isZero();
        }
    }

    @Test
    void refusesADatabaseFromANewerVersion() throws Exception {
        store.close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("ztpbox.db"));
             Statement st = c.createStatement()) {
            st.execute("INSERT INTO schema_version VALUES (99, 'V99__future.sql', 0)");
        }

        assertThatThrownBy(this::open).isInstanceOf(StoreException.class).hasMessageContaining("newer than this");
        store = SqliteLeaseStore.open(dir.resolve("other.db")); // for @AfterEach to close
    }

    @Test
    void splitsMigrationScriptsIntoStatements() {
        assertThat(SchemaMigrations.statements("-- comment\nCREATE TABLE a (x INT);\n\nCREATE INDEX i ON a (x);\n"))
                .containsExactly("CREATE TABLE a (x INT)", "CREATE INDEX i ON a (x)");
    }
}
