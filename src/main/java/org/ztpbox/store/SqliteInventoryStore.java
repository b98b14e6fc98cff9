package org.ztpbox.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.ztpbox.core.FlatJson;
import org.ztpbox.core.InventoryStore;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.Phone;
import org.ztpbox.core.StoreException;

/**
 * The inventory in the appliance's SQLite file, on a connection of its own. Reads come from a
 * snapshot in memory (file requests look phones up constantly); {@link #refresh} reloads it when
 * the generation row shows that someone, in this process or another, imported since.
 */
public final class SqliteInventoryStore implements InventoryStore {

    private final Path file;
    private final Connection connection;
    private volatile Snapshot snapshot;

    private record Snapshot(long generation, Map<MacAddress, Phone> phones) {
    }

    private SqliteInventoryStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens the database file (creating it and its schema if needed) and loads the inventory. */
    public static SqliteInventoryStore open(Path file) {
        SqliteInventoryStore store = new SqliteInventoryStore(file, SqliteLeaseStore.connect(file));
        store.refresh();
        return store;
    }

    @Override
    public Optional<Phone> find(MacAddress mac) {
        return Optional.ofNullable(snapshot.phones().get(mac));
    }

    @Override
    public List<Phone> phones() {
        return List.copyOf(snapshot.phones().values());
    }

    @Override
    public long generation() {
        return snapshot.generation();
    }

    @Override
    public synchronized boolean refresh() {
        try {
            long stored = storedGeneration();
            connection.commit();
            if (snapshot != null && snapshot.generation() == stored) {
                return false;
            }
            snapshot = load();
            return true;
        } catch (SQLException e) {
            Jdbc.rollback(connection, e);
            throw new StoreException("cannot read the inventory from " + file + ": " + e.getMessage(), e);
        }
    }

    private long storedGeneration() throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT generation FROM inventory_state WHERE id = 1")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Phones and generation read in one transaction, so that they belong together. */
    private Snapshot load() throws SQLException {
        Map<MacAddress, Phone> phones = new TreeMap<>();
        long generation;
        try (Statement st = connection.createStatement()) {
            generation = storedGeneration();
            try (ResultSet rs = st.executeQuery("SELECT mac, model, extension, display_name, sip_user, sip_password,"
                    + " auth_domain, registrar, site, extra FROM inventory")) {
                while (rs.next()) {
                    Phone phone = new Phone(MacAddress.parse(rs.getString(1)), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(9), FlatJson.read(rs.getString(10)));
                    phones.put(phone.mac(), phone);
                }
            }
        }
        connection.commit();
        return new Snapshot(generation, java.util.Collections.unmodifiableMap(phones));
    }

    @Override
    public synchronized long replace(List<Phone> phones, String source) {
        InventoryStore.requireUniqueMacs(phones);
        try {
            try (Statement st = connection.createStatement()) {
                st.executeUpdate("DELETE FROM inventory");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO inventory (mac, model, extension,"
                    + " display_name, sip_user, sip_password, auth_domain, registrar, site, extra)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Phone p : phones) {
                    insert.setString(1, p.mac().toString());
                    insert.setString(2, p.model());
                    insert.setString(3, p.extension());
                    insert.setString(4, p.displayName());
                    insert.setString(5, p.sipUser());
                    insert.setString(6, p.sipPassword());
                    insert.setString(7, p.authDomain());
                    insert.setString(8, p.registrar());
                    insert.setString(9, p.site());
                    insert.setString(10, FlatJson.write(p.extra()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement state = connection.prepareStatement("UPDATE inventory_state"
                    + " SET generation = generation + 1, imported_at = ?, source = ? WHERE id = 1")) {
                state.setLong(1, System.currentTimeMillis());
                state.setString(2, source);
                state.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            Jdbc.rollback(connection, e);
            throw new StoreException("cannot import into " + file + " (nothing changed): " + e.getMessage(), e);
        }
        refresh();
        return snapshot.generation();
    }

    @Override
    public synchronized void close() {
        Jdbc.close(connection, file);
    }
}
