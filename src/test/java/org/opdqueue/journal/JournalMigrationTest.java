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

/** V19 turns what older entries said in their text into the typed columns the readers now use. */
@QuarkusTest
class JournalMigrationTest {

    @Test
    void entriesWrittenBeforeTheTypedColumnsAreConvertedFromTheirText() throws SQLException {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String user = ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class);
        String password = ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.password", String.class)
                .orElse("");
        String schema = "journal_v19_" + System.nanoTime();
        String schemaUrl = url.replaceFirst("/[^/?]+(\\?|$)", "/" + schema + "$1");
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + schema);
        }
        try {
            Flyway.configure().dataSource(schemaUrl, user, password).target("18").load().migrate();
            try (Connection c = DriverManager.getConnection(schemaUrl, user, password); Statement s = c.createStatement()) {
                s.execute("""
                        INSERT INTO journal_entry (seq, facility, type, occurred_at, business_day, counter_id, detail) VALUES
                          (1, 'H', 'COUNTER_STATE_CHANGED', NOW(6), CURDATE(), 5, 'CLOSED -> OPEN'),
                          (2, 'H', 'CALLED', NOW(6), CURDATE(), 5, 'outage: called by number while the database was away'),
                          (3, 'H', 'MODE_CHANGED', NOW(6), CURDATE(), NULL, 'outage: DEGRADED since 2026-11-30T10:00:00Z'),
                          (4, 'H', 'ISSUED', NOW(6), CURDATE(), NULL, 'KIOSK GENERAL'),
                          (5, 'H', 'CALLED', NOW(6), CURDATE(), 5, NULL)""");
            }
            Flyway.configure().dataSource(schemaUrl, user, password).target("19").load().migrate();
            List<String> rows = new ArrayList<>();
            try (Connection c = DriverManager.getConnection(schemaUrl, user, password); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT seq, counter_state_before, counter_state_after, outage_replay, "
                            + "detail FROM journal_entry ORDER BY seq")) {
                while (r.next()) {
                    rows.add(r.getLong(1) + " " + r.getString(2) + " " + r.getString(3) + " " + r.getBoolean(4) + " "
                            + r.getString(5));
                }
            }
            assertThat(rows).containsExactly(
                    "1 CLOSED OPEN false CLOSED -> OPEN",
                    "2 null null true outage: called by number while the database was away",
                    "3 null null true outage: DEGRADED since 2026-11-30T10:00:00Z",
                    "4 null null false KIOSK GENERAL",
                    "5 null null false null");
        } finally {
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE " + schema);
            }
        }
    }
}
