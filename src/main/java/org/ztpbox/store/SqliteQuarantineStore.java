package org.ztpbox.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ztpbox.core.MacAddress;
import org.ztpbox.core.OverrideQuarantine;
import org.ztpbox.core.QuarantineStore;
import org.ztpbox.core.StoreException;

/**
 * Quarantine records in the embedded SQLite file, on a connection of their own: the appliance
 * reads them while the journal writes events, and {@code ztpbox prepare-reset} writes them from
 * another process while the appliance runs.
 */
public final class SqliteQuarantineStore implements QuarantineStore {

    private static final String COLUMNS = "id, mac, started_at, started_by, reason, location, files, flagged, state,"
            + " ended_at, ended_by, end_reason";

    private final Path file;
    private final Connection connection;

    private SqliteQuarantineStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    public static SqliteQuarantineStore open(Path file) {
        return new SqliteQuarantineStore(file, SqliteLeaseStore.connect(file));
    }

    @Override
    public synchronized OverrideQuarantine add(OverrideQuarantine q) {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO override_quarantines (mac, started_at,"
                + " started_by, reason, location, files, flagged, state) VALUES (?, ?, ?, ?, ?, ?, ?, 'ACTIVE')",
                PreparedStatement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, q.mac().toString());
            ps.setLong(2, q.startedAt().toEpochMilli());
            ps.setString(3, q.startedBy());
            ps.setString(4, q.reason());
            ps.setString(5, q.location());
            ps.setString(6, String.join("\n", q.files()));
            ps.setString(7, String.join("\n", q.flagged()));
            ps.executeUpdate();
            long id;
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
            connection.commit();
            return new OverrideQuarantine(id, q.mac(), q.startedAt(), q.startedBy(), q.reason(), q.location(),
                    q.files(), q.flagged(), OverrideQuarantine.State.ACTIVE, null, null, null);
        } catch (SQLException e) {
            Jdbc.rollback(connection, e);
            if (e.getMessage() != null && e.getMessage().contains("UNIQUE")) {
                throw new StoreException("phone " + q.mac() + " already has an active override quarantine", e);
            }
            throw new StoreException("cannot record the quarantine in " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized List<OverrideQuarantine> active() {
        return query("SELECT " + COLUMNS + " FROM override_quarantines WHERE state = 'ACTIVE' ORDER BY id", null);
    }

    @Override
    public synchronized List<OverrideQuarantine> history(MacAddress mac) {
        return query("SELECT " + COLUMNS + " FROM override_quarantines WHERE mac = ? ORDER BY id", mac.toString());
    }

    @Override
    public synchronized boolean end(long id, OverrideQuarantine.State to, Instant at, String by, String reason) {
        if (to == OverrideQuarantine.State.ACTIVE) {
            throw new IllegalArgumentException("a quarantine cannot end as ACTIVE");
        }
        String from = to == OverrideQuarantine.State.RELEASED ? "state = 'ACTIVE'" : "state <> 'RESTORED'";
        try (PreparedStatement ps = connection.prepareStatement("UPDATE override_quarantines SET state = ?,"
                + " ended_at = ?, ended_by = ?, end_reason = ? WHERE id = ? AND " + from)) {
            ps.setString(1, to.name());
            ps.setLong(2, at.toEpochMilli());
            ps.setString(3, by);
            ps.setString(4, reason);
            ps.setLong(5, id);
            int changed = ps.executeUpdate();
            connection.commit();
            return changed == 1;
        } catch (SQLException e) {
            Jdbc.rollback(connection, e);
            throw new StoreException("cannot update quarantine " + id + " in " + file + ": " + e.getMessage(), e);
        }
    }

    private List<OverrideQuarantine> query(String sql, String mac) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            if (mac != null) {
                ps.setString(1, mac);
            }
            List<OverrideQuarantine> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            connection.commit();
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read quarantines from " + file + ": " + e.getMessage(), e);
        }
    }

    private static OverrideQuarantine row(ResultSet rs) throws SQLException {
        long ended = rs.getLong(10);
        Instant endedAt = rs.wasNull() ? null : Instant.ofEpochMilli(ended);
        return new OverrideQuarantine(rs.getLong(1), MacAddress.parse(rs.getString(2)),
                Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                lines(rs.getString(7)), lines(rs.getString(8)), OverrideQuarantine.State.valueOf(rs.getString(9)),
                endedAt, rs.getString(11), rs.getString(12));
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    @Override
    public synchronized void close() {
        Jdbc.close(connection, file);
    }
}
