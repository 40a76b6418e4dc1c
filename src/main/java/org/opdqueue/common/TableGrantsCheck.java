package org.opdqueue.common;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * A server whose database user may not change a table it changes refuses to start, saying what to run. After an
 * upgrade that adds a table (V42's waiting counts, changed by every token change), the app's user has only the
 * database-wide SELECT and INSERT on it until {@code deploy/create-database.sh} runs again: started like that, every
 * issue and call would fail mid-morning instead of the upgrade failing at once. The journal and its seals are left out
 * (the app may only add to them) and so is Flyway's history (the owner's).
 */
@ApplicationScoped
public class TableGrantsCheck {

    /** Tables the app's user is not meant to change. */
    static final List<String> READ_AND_ADD_ONLY = List.of("journal_entry", "journal_seal", "flyway_schema_history");

    /** MariaDB's "command denied to user" for a table, and for a column. */
    private static final int TABLE_DENIED = 1142;
    private static final int COLUMN_DENIED = 1143;

    private static final Logger LOG = Logger.getLogger(TableGrantsCheck.class);

    private final DataSource db;

    public TableGrantsCheck(DataSource db) {
        this.db = db;
    }

    /** Last at start-up, after the migrations and the steps that only read and add (the bootstrap administrator). */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) StartupEvent start) {
        List<String> refused;
        try (Connection c = db.getConnection()) {
            refused = tablesItMayNotChange(c);
        } catch (SQLException e) {
            // not a missing grant (a read-only server waiting for its promotion, a database gone): the server starts,
            // and what it cannot do it answers as it always does
            LOG.warnf("Could not check the database user's grants: %s", e.getMessage());
            return;
        }
        if (!refused.isEmpty()) {
            throw new IllegalStateException("The database user may not change " + String.join(", ", refused)
                    + ": an upgrade added these tables. Run deploy/create-database.sh again (as root on the database "
                    + "server, with the same arguments) and start again.");
        }
    }

    /**
     * The tables of the connection's database that its user may not change: asked of each table with a delete that
     * matches no row, which the server refuses before it reads anything when the grant is missing (deploy/create-
     * database.sh grants UPDATE and DELETE together). Table names from SHOW FULL TABLES: information_schema took ten
     * times as long at start-up.
     */
    public static List<String> tablesItMayNotChange(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement list = c.createStatement();
                ResultSet rs = list.executeQuery("SHOW FULL TABLES WHERE Table_type = 'BASE TABLE'")) {
            while (rs.next()) {
                if (!READ_AND_ADD_ONLY.contains(rs.getString(1).toLowerCase())) {
                    tables.add(rs.getString(1));
                }
            }
        }
        List<String> refused = new ArrayList<>();
        try (Statement probe = c.createStatement()) {
            for (String table : tables) {
                try {
                    probe.executeUpdate("DELETE FROM `" + table + "` WHERE 1 = 0");
                } catch (SQLException e) {
                    if (e.getErrorCode() != TABLE_DENIED && e.getErrorCode() != COLUMN_DENIED) {
                        throw e;
                    }
                    refused.add(table);
                }
            }
        }
        return refused;
    }
}
