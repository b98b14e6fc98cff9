package org.ztpbox.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.ztpbox.core.FlatJson;
import org.ztpbox.core.Ipv4Address;
import org.ztpbox.core.KeyDeliveryStore;
import org.ztpbox.core.Lease;
import org.ztpbox.core.LeaseStore;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.PhoneEvent;
import org.ztpbox.core.StoreException;

/**
 * The embedded store: one SQLite file in WAL mode with {@code synchronous=FULL}, so a commit that
 * returned is on disk and survives {@code kill -9} and power loss alike.
 *
 * <p>One connection, used by one writer thread at a time (the journal); methods are synchronized
 * so that command-line readers in the same process stay safe. Other processes read concurrently
 * through WAL.
 */
public final class SqliteLeaseStore implements LeaseStore {

    private static final SchemaMigrations MIGRATIONS = new SchemaMigrations("/org/ztpbox/store/migrations/sqlite",
            List.of("V1__leases_and_events.sql", "V2__events_pruned_by_rowid.sql", "V3__key_deliveries.sql",
                    "V4__inventory.sql"));

    private final Path file;
    private final Connection connection;
    private final PreparedStatement deleteOtherBound;
    private final PreparedStatement upsertLease;
    private final PreparedStatement insertEvent;

    private SqliteLeaseStore(Path file, Connection connection) throws SQLException {
        this.file = file;
        this.connection = connection;
        this.deleteOtherBound = connection.prepareStatement(
                "DELETE FROM leases WHERE mac = ? AND address <> ? AND state = 'BOUND'");
        this.upsertLease = connection.prepareStatement("INSERT OR REPLACE INTO leases"
                + " (address, mac, state, starts_at, expires_at, hostname, client_id) VALUES (?, ?, ?, ?, ?, ?, ?)");
        this.insertEvent = connection.prepareStatement(
                "INSERT INTO events (at, mac, source, type, details) VALUES (?, ?, ?, ?, ?)");
    }

    /** Opens (creating if needed) the database file and brings its schema up to date. */
    public static SqliteLeaseStore open(Path file) {
        try {
            return new SqliteLeaseStore(file, connect(file));
        } catch (SQLException e) {
            throw new StoreException("cannot open the database " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A connection to the database file (created if needed) in WAL mode, schema up to date, auto-commit
     * off: what every store over this one file opens, so that each has its own connection.
     */
    static Connection connect(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Properties props = new Properties();
            props.setProperty("journal_mode", "WAL");
            props.setProperty("synchronous", "FULL");
            props.setProperty("busy_timeout", "10000");
            props.setProperty("foreign_keys", "true");
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), props);
            try (Statement st = connection.createStatement()) {
                // The driver applies pragmas from properties; read back so a silent failure shows.
                try (ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
                    if (!rs.next() || !"wal".equalsIgnoreCase(rs.getString(1))) {
                        throw new StoreException("SQLite refused WAL mode for " + file);
                    }
                }
            }
            MIGRATIONS.apply(connection);
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException | java.io.IOException e) {
            throw new StoreException("cannot open the database " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized List<Lease> loadLeases() {
        List<Lease> out = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT address, mac, state, starts_at, expires_at, hostname, client_id"
                     + " FROM leases")) {
            while (rs.next()) {
                out.add(new Lease(Ipv4Address.parse(rs.getString(1)), MacAddress.parse(rs.getString(2)),
                        Lease.LeaseState.valueOf(rs.getString(3)), Instant.ofEpochMilli(rs.getLong(4)),
                        Instant.ofEpochMilli(rs.getLong(5)), rs.getString(6), rs.getString(7)));
            }
            connection.commit();
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read leases from " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void commit(List<Lease> leases, List<PhoneEvent> events) {
        try {
            for (Lease lease : leases) {
                String address = lease.address().toString();
                String mac = lease.mac().toString();
                if (lease.state() == Lease.LeaseState.BOUND) {
                    deleteOtherBound.setString(1, mac);
                    deleteOtherBound.setString(2, address);
                    deleteOtherBound.executeUpdate();
                }
                upsertLease.setString(1, address);
                upsertLease.setString(2, mac);
                upsertLease.setString(3, lease.state().name());
                upsertLease.setLong(4, lease.startsAt().toEpochMilli());
                upsertLease.setLong(5, lease.expiresAt().toEpochMilli());
                upsertLease.setString(6, lease.hostname());
                upsertLease.setString(7, lease.clientId());
                upsertLease.executeUpdate();
            }
            for (PhoneEvent event : events) {
                insertEvent.setLong(1, event.at().toEpochMilli());
                insertEvent.setString(2, event.mac() == null ? null : event.mac().toString());
                insertEvent.setString(3, event.source());
                insertEvent.setString(4, event.type());
                insertEvent.setString(5, FlatJson.write(event.details()));
                insertEvent.addBatch();
            }
            if (!events.isEmpty()) {
                insertEvent.executeBatch();
            }
            connection.commit();
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw new StoreException("cannot commit to " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized List<PhoneEvent> events(MacAddress mac, int limit) {
        String sql = "SELECT at, mac, source, type, details FROM events"
                + (mac == null ? "" : " WHERE mac = ?") + " ORDER BY at DESC, id DESC LIMIT ?";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            int i = 1;
            if (mac != null) {
                ps.setString(i++, mac.toString());
            }
            ps.setInt(i, limit);
            List<PhoneEvent> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String m = rs.getString(2);
                    out.add(new PhoneEvent(Instant.ofEpochMilli(rs.getLong(1)), m == null ? null : MacAddress.parse(m),
                            rs.getString(3), rs.getString(4), FlatJson.read(rs.getString(5))));
                }
            }
            connection.commit();
            Collections.reverse(out);
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read events from " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized int pruneEvents(Instant cutoff) {
        // Events are appended in time order, so the first row at or after the cutoff, found in rowid
        // order, bounds the old ones without an index on time (one index less on the insert path).
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM events WHERE id < COALESCE("
                + "(SELECT id FROM events WHERE at >= ? ORDER BY id LIMIT 1), (SELECT MAX(id) + 1 FROM events))")) {
            ps.setLong(1, cutoff.toEpochMilli());
            int removed = ps.executeUpdate();
            connection.commit();
            return removed;
        } catch (SQLException e) {
            throw new StoreException("cannot prune events in " + file + ": " + e.getMessage(), e);
        }
    }

    /** The phones' encryption keys, in the same database and under the same lock as the leases. */
    public KeyDeliveryStore keyDeliveries() {
        return new SqliteKeyDeliveryStore(this, connection, file);
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close " + file + ": " + e.getMessage(), e);
        }
    }
}
