package org.ztpbox.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ztpbox.core.StoreException;

/**
 * Versioned schema migrations: numbered SQL scripts applied in order, each in its own transaction,
 * recorded in {@code schema_version}. A database newer than this program is refused rather than
 * guessed at.
 */
final class SchemaMigrations {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);

    private final String resourceDir;
    private final List<String> scripts;

    /** @param scripts file names {@code V<n>__<what>.sql}, in version order, under {@code resourceDir} */
    SchemaMigrations(String resourceDir, List<String> scripts) {
        this.resourceDir = resourceDir;
        this.scripts = List.copyOf(scripts);
    }

    int latestVersion() {
        return scripts.size();
    }

    void apply(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, script TEXT NOT NULL,"
                    + " applied_at INTEGER NOT NULL)");
        }
        int current = currentVersion(connection);
        if (current > latestVersion()) {
            throw new StoreException("the database is at schema version " + current + ", newer than this ztpbox ("
                    + latestVersion() + "); upgrade ztpbox or restore a matching backup");
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (int version = current + 1; version <= latestVersion(); version++) {
                String script = scripts.get(version - 1);
                for (String sql : statements(read(script))) {
                    try (Statement st = connection.createStatement()) {
                        st.execute(sql);
                    }
                }
                try (PreparedStatement ps = connection.prepareStatement(
                        "INSERT INTO schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
                    ps.setInt(1, version);
                    ps.setString(2, script);
                    ps.setLong(3, System.currentTimeMillis());
                    ps.executeUpdate();
                }
                connection.commit();
                LOG.info("Store schema migrated to version {} ({})", version, script);
            }
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static int currentVersion(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private String read(String script) {
        String path = resourceDir + "/" + script;
        try (InputStream in = SchemaMigrations.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new StoreException("migration script missing from the program: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("cannot read migration script " + path, e);
        }
    }

    /** Splits a script on semicolons that end a line, dropping comment lines. */
    static List<String> statements(String script) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                out.add(current.toString().strip().replaceAll(";$", ""));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }
}
