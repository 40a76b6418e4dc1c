package org.opdqueue.archive;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.opdqueue.common.RowBinder;

/**
 * Journal rows as the database has them, every column by its name, read and written over plain JDBC so that a
 * column added by a later migration is archived and restored without a change here. Times are read and written in
 * UTC ({@code time_zone '+00:00'} for the statement's session), so a segment means the same on any server.
 */
final class JournalRows {

    private static final String CHAIN_HASH = "chain_hash";

    private JournalRows() {
    }

    /** Sealed entries after {@code seq}, in seq order: the sealer seals in order, so these follow on without a gap. */
    static List<Map<String, Object>> sealedAfter(DataSource db, String facility, long seq, int limit) throws SQLException {
        try (Connection c = db.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("SET time_zone = '+00:00'");
            }
            try (PreparedStatement q = c.prepareStatement("SELECT j.*, s.chain_hash FROM journal_entry j "
                    + "JOIN journal_seal s ON s.seq = j.seq WHERE j.facility = ? AND j.seq > ? ORDER BY j.seq "
                    + "LIMIT ?")) {
                q.setString(1, facility);
                q.setLong(2, seq);
                q.setInt(3, limit);
                List<Map<String, Object>> rows = new ArrayList<>();
                try (ResultSet rs = q.executeQuery()) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            row.put(meta.getColumnLabel(i).toLowerCase(), value(rs, i, meta.getColumnType(i)));
                        }
                        rows.add(row);
                    }
                }
                return rows;
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute("SET time_zone = DEFAULT");
                }
            }
        }
    }

    /** When the oldest entry after {@code seq} happened (sealed or not); null when there is none. */
    static Instant oldestAfter(DataSource db, String facility, long seq) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT MIN(occurred_at) FROM journal_entry WHERE facility = ? AND seq > ?")) {
            q.setString(1, facility);
            q.setLong(2, seq);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                java.sql.Timestamp t = rs.getTimestamp(1);
                return t == null ? null : t.toInstant();
            }
        }
    }

    /**
     * Inserts archived entries as they were: seq, times and both hashes kept, the chain hash in {@code journal_seal}
     * (V43; a segment has it as a column of the entry, written before or after that migration).
     */
    static void insert(Connection c, List<ObjectNode> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("SET time_zone = '+00:00'");
        }
        try {
            List<String> columns = new ArrayList<>();
            entries.get(0).fieldNames().forEachRemaining(columns::add);
            columns.remove(CHAIN_HASH);
            String sql = "INSERT INTO journal_entry (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", columns.stream().map(x -> "?").toList()) + ")";
            try (PreparedStatement insert = c.prepareStatement(sql)) {
                int batch = 0;
                for (ObjectNode entry : entries) {
                    for (int i = 0; i < columns.size(); i++) {
                        insert.setObject(i + 1, scalar(entry.get(columns.get(i))));
                    }
                    insert.addBatch();
                    if (++batch % 1000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            seal(c, entries);
        } finally {
            try (Statement s = c.createStatement()) {
                s.execute("SET time_zone = DEFAULT");
            }
        }
    }

    private static void seal(Connection c, List<ObjectNode> entries) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(RowBinder.insert("journal_seal", "seq, chain_hash", 1))) {
            int batch = 0;
            for (ObjectNode entry : entries) {
                String chain = entry.path(CHAIN_HASH).textValue();
                if (chain != null) {
                    insert.setLong(1, entry.path("seq").asLong());
                    insert.setString(2, chain);
                    insert.addBatch();
                    if (++batch % 1000 == 0) {
                        insert.executeBatch();
                    }
                }
            }
            insert.executeBatch();
        }
    }

    private static Object value(ResultSet rs, int i, int type) throws SQLException {
        Object v = switch (type) {
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT -> rs.getObject(i) == null ? null : rs.getLong(i);
            case Types.BIT, Types.BOOLEAN, Types.TINYINT -> rs.getObject(i) == null ? null : rs.getBoolean(i);
            default -> rs.getString(i);
        };
        return rs.wasNull() ? null : v;
    }

    private static Object scalar(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        return node.isTextual() ? node.textValue() : node.toString();
    }
}
