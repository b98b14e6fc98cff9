package org.ztpbox.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.ztpbox.core.StoreException;

/** The transaction chores every SQLite store repeats. */
final class Jdbc {

    private Jdbc() {
    }

    /** Rolls back after {@code failure}; a failing rollback is attached to it rather than hiding it. */
    static void rollback(Connection connection, SQLException failure) {
        try {
            connection.rollback();
        } catch (SQLException rollback) {
            failure.addSuppressed(rollback);
        }
    }

    static void close(Connection connection, Path file) {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close " + file + ": " + e.getMessage(), e);
        }
    }
}
