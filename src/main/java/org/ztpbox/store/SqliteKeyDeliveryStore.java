package org.ztpbox.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.ztpbox.core.KeyDeliveryStore;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.StoreException;

/**
 * Which key each phone holds, in the {@code key_deliveries} table. Shares the lease store's one
 * connection, and its lock (every statement runs synchronized on that store), so that a delivery
 * never interleaves with the journal's transaction.
 */
final class SqliteKeyDeliveryStore implements KeyDeliveryStore {

    private final Object lock;
    private final Connection connection;
    private final Path file;

    SqliteKeyDeliveryStore(Object lock, Connection connection, Path file) {
        this.lock = lock;
        this.connection = connection;
        this.file = file;
    }

    @Override
    public Map<MacAddress, HeldKey> loadHeldKeys() {
        synchronized (lock) {
            Map<MacAddress, HeldKey> out = new HashMap<>();
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT mac, key_name, delivered_at FROM key_deliveries")) {
                while (rs.next()) {
                    out.put(MacAddress.parse(rs.getString(1)), new HeldKey(rs.getString(2),
                            Instant.ofEpochMilli(rs.getLong(3))));
                }
                connection.commit();
                return out;
            } catch (SQLException e) {
                throw new StoreException("cannot read key deliveries from " + file + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void recordDelivered(MacAddress phone, String keyName, Instant at) {
        update("INSERT OR REPLACE INTO key_deliveries (mac, key_name, delivered_at) VALUES (?, ?, ?)", phone,
                keyName, at);
    }

    @Override
    public boolean forget(MacAddress phone) {
        return update("DELETE FROM key_deliveries WHERE mac = ?", phone, null, null) > 0;
    }

    /** Row count and delivery times folded together: one aggregate query, no row leaves SQLite. */
    @Override
    public long fingerprint() {
        synchronized (lock) {
            try {
                long fingerprint;
                // Closed before the commit: a statement still open would keep its read snapshot, and with
                // it every later call would see the rows as they were.
                try (Statement st = connection.createStatement();
                     ResultSet rs = st.executeQuery("SELECT count(*), coalesce(sum(delivered_at), 0),"
                             + " coalesce(sum(length(key_name) * rowid), 0) FROM key_deliveries")) {
                    rs.next();
                    fingerprint = rs.getLong(1) * 1_000_003L ^ rs.getLong(2) * 31 ^ rs.getLong(3);
                }
                connection.commit();
                return fingerprint;
            } catch (SQLException e) {
                throw new StoreException("cannot read key deliveries from " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private int update(String sql, MacAddress phone, String keyName, Instant at) {
        synchronized (lock) {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setString(1, phone.toString());
                if (keyName != null) {
                    ps.setString(2, keyName);
                    ps.setLong(3, at.toEpochMilli());
                }
                int rows = ps.executeUpdate();
                connection.commit();
                return rows;
            } catch (SQLException e) {
                Jdbc.rollback(connection, e);
                throw new StoreException("cannot record the key of " + phone + " in " + file + ": " + e.getMessage(),
                        e);
            }
        }
    }
}
