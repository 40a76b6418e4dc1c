package org.opdqueue.archive;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives the rows a set-up import just made the ids they had on the lost server, because the journal names services,
 * counters and devices by id. Run on a database that has nothing but the set-up: the ids move, and with them every
 * column that refers to them by a foreign key (as the database's own catalogue lists them).
 */
final class ArchiveIds {

    /** Far above any id a hospital reaches, so that no id is taken twice while they move. */
    private static final long ASIDE = 1_000_000_000L;

    private ArchiveIds() {
    }

    static void align(Connection c, String table, String keyColumn, String facility, Map<String, Long> archived)
            throws SQLException {
        Map<Long, Long> moves = new HashMap<>();
        long next = archived.values().stream().mapToLong(Long::longValue).max().orElse(0) + 1;
        try (PreparedStatement q = c.prepareStatement("SELECT " + keyColumn + ", id FROM " + table + " WHERE facility = ?")) {
            q.setString(1, facility);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    Long old = archived.get(rs.getString(1));
                    long now = rs.getLong(2);
                    long to = old == null ? next++ : old;
                    if (to != now) {
                        moves.put(now, to);
                    }
                }
            }
        }
        if (moves.isEmpty()) {
            return;
        }
        List<String[]> references = references(c, table);
        references.add(new String[] { table, "id" });
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SET FOREIGN_KEY_CHECKS = 0");
            for (String[] ref : references) {
                move(c, ref, moves, false);
            }
            for (String[] ref : references) {
                move(c, ref, moves, true);
            }
            s.execute("SET FOREIGN_KEY_CHECKS = 1");
            c.commit();
            long max = Math.max(next, moves.values().stream().mapToLong(Long::longValue).max().orElse(0) + 1);
            s.execute("ALTER TABLE " + table + " AUTO_INCREMENT = " + max);
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** First every moved id aside (so two rows never share one), then to where it belongs. */
    private static void move(Connection c, String[] ref, Map<Long, Long> moves, boolean home) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE " + ref[0] + " SET " + ref[1] + " = ? WHERE " + ref[1] + " = ?")) {
            for (Map.Entry<Long, Long> m : moves.entrySet()) {
                update.setLong(1, home ? m.getValue() : m.getKey() + ASIDE);
                update.setLong(2, home ? m.getKey() + ASIDE : m.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static List<String[]> references(Connection c, String table) throws SQLException {
        List<String[]> found = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE"
                + " WHERE REFERENCED_TABLE_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME = ? AND REFERENCED_COLUMN_NAME = 'id'")) {
            q.setString(1, table);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    found.add(new String[] { rs.getString(1), rs.getString(2) });
                }
            }
        }
        return found;
    }
}
