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
    public void forget(MacAddress phone) {
        update("DELETE FROM key_deliveries WHERE mac = ?", phone, null, null);
    }

    private void update(String sql, MacAddress phone, String keyName, Instant at) {
        synchronized (lock) {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setString(1, phone.toString());
                if (keyName != null) {
                    ps.setString(2, keyName);
                    ps.setLong(3, at.toEpochMilli());
                }
                ps.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw new StoreException("cannot record the key of " + phone + " in " + file + ": " + e.getMessage(),
                        e);
            }
        }
    }
}
