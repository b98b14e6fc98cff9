package org.ztpbox.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.PhoneRecord;
import org.ztpbox.core.PhoneRecordStore;
import org.ztpbox.core.StoreException;

/** Phone records in the appliance's SQLite file, on a connection of their own. */
public final class SqlitePhoneRecordStore implements PhoneRecordStore {

    private static final String COLUMNS = "mac, model, part_number, firmware, boot_version, stage, last_address,"
            + " first_seen, last_seen, last_seen_via, last_file, last_file_at";

    private final Path file;
    private final Connection connection;

    private SqlitePhoneRecordStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens the database file, creating it and its schema if needed. */
    public static SqlitePhoneRecordStore open(Path file) {
        return new SqlitePhoneRecordStore(file, SqliteLeaseStore.connect(file));
    }

    @Override
    public synchronized Optional<PhoneRecord> find(MacAddress mac) {
        List<PhoneRecord> found = query(" WHERE mac = ?", mac.toString());
        return found.stream().findFirst();
    }

    @Override
    public synchronized List<PhoneRecord> records() {
        return query(" ORDER BY mac", null);
    }

    private List<PhoneRecord> query(String where, String mac) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + COLUMNS + " FROM phone_records" + where)) {
            if (mac != null) {
                ps.setString(1, mac);
            }
            List<PhoneRecord> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PhoneRecord(MacAddress.parse(rs.getString(1)), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            Instant.ofEpochMilli(rs.getLong(8)), Instant.ofEpochMilli(rs.getLong(9)), rs.getString(10),
                            rs.getString(11), instant(rs, 12)));
                }
            }
            connection.commit();
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read phone records from " + file + ": " + e.getMessage(), e);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    @Override
    public synchronized void save(Collection<PhoneRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT OR REPLACE INTO phone_records (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (PhoneRecord r : records) {
                ps.setString(1, r.mac().toString());
                ps.setString(2, r.model());
                ps.setString(3, r.partNumber());
                ps.setString(4, r.firmware());
                ps.setString(5, r.bootVersion());
                ps.setString(6, r.stage());
                ps.setString(7, r.lastAddress());
                ps.setLong(8, r.firstSeen().toEpochMilli());
                ps.setLong(9, r.lastSeen().toEpochMilli());
                ps.setString(10, r.lastSeenVia());
                ps.setString(11, r.lastFile());
                if (r.lastFileAt() == null) {
                    ps.setNull(12, Types.INTEGER);
                } else {
                    ps.setLong(12, r.lastFileAt().toEpochMilli());
                }
                ps.addBatch();
            }
            ps.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            Jdbc.rollback(connection, e);
            throw new StoreException("cannot save phone records to " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        Jdbc.close(connection, file);
    }
}
