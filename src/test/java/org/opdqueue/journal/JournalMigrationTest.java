package org.opdqueue.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Migrations that rewrite journal entries already written keep what they said, in a schema of their own. */
@QuarkusTest
class JournalMigrationTest {

    private final String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    private final String user = ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class);
    private final String password = ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.password",
            String.class).orElse("");

    @Test
    void entriesWrittenBeforeTheTypedColumnsAreConvertedFromTheirText() throws SQLException {
        List<String> rows = afterMigrating("18", """
                INSERT INTO journal_entry (seq, facility, type, occurred_at, business_day, counter_id, detail) VALUES
                  (1, 'H', 'COUNTER_STATE_CHANGED', NOW(6), CURDATE(), 5, 'CLOSED -> OPEN'),
                  (2, 'H', 'CALLED', NOW(6), CURDATE(), 5, 'outage: called by number while the database was away'),
                  (3, 'H', 'MODE_CHANGED', NOW(6), CURDATE(), NULL, 'outage: DEGRADED since 2026-11-30T10:00:00Z'),
                  (4, 'H', 'ISSUED', NOW(6), CURDATE(), NULL, 'KIOSK GENERAL'),
                  (5, 'H', 'CALLED', NOW(6), CURDATE(), 5, NULL)""", "19",
                "SELECT seq, counter_state_before, counter_state_after, IF(outage_replay, 'true', 'false'), detail "
                        + "FROM journal_entry ORDER BY seq");
        assertThat(rows).containsExactly(
                "1 CLOSED OPEN false CLOSED -> OPEN",
                "2 null null true outage: called by number while the database was away",
                "3 null null true outage: DEGRADED since 2026-11-30T10:00:00Z",
                "4 null null false KIOSK GENERAL",
                "5 null null false null");
    }

    @Test
    void chainHashesMoveToTheSealTableAndTheUnsealedStayUnsealed() throws SQLException {
        String a = "a".repeat(64);
        String b = "b".repeat(64);
        List<String> rows = afterMigrating("42", """
                INSERT INTO journal_entry (seq, facility, type, occurred_at, business_day, content_hash, chain_hash)
                VALUES (1, 'H', 'ISSUED', NOW(6), CURDATE(), '%1$s', '%1$s'),
                       (2, 'H', 'ISSUED', NOW(6), CURDATE(), '%2$s', '%2$s'),
                       (3, 'H', 'ISSUED', NOW(6), CURDATE(), '%2$s', NULL)""".formatted(a, b), "43",
                "SELECT j.seq, s.chain_hash, (SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = "
                        + "DATABASE() AND table_name = 'journal_entry' AND column_name = 'chain_hash') "
                        + "FROM journal_entry j LEFT JOIN journal_seal s ON s.seq = j.seq ORDER BY j.seq");
        assertThat(rows).containsExactly("1 " + a + " 0", "2 " + b + " 0", "3 null 0");
    }

    /** The rows {@code query} gives after migrating a schema to {@code before}, inserting, then to {@code after}. */
    private List<String> afterMigrating(String before, String insert, String after, String query) throws SQLException {
        String schema = "journal_v" + before + "_" + System.nanoTime();
        String schemaUrl = url.replaceFirst("/[^/?]+(\\?|$)", "/" + schema + "$1");
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + schema);
        }
        try {
            Flyway.configure().dataSource(schemaUrl, user, password).target(before).load().migrate();
            try (Connection c = DriverManager.getConnection(schemaUrl, user, password); Statement s = c.createStatement()) {
                s.execute(insert);
            }
            Flyway.configure().dataSource(schemaUrl, user, password).target(after).load().migrate();
            List<String> rows = new ArrayList<>();
            try (Connection c = DriverManager.getConnection(schemaUrl, user, password); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery(query)) {
                int columns = r.getMetaData().getColumnCount();
                while (r.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(r.getString(i));
                    }
                    rows.add(String.join(" ", row));
                }
            }
            return rows;
        } finally {
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE " + schema);
            }
        }
    }
}
