package org.opdqueue.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.opdqueue.embedded.EmbeddedMariaDb;

/**
 * After an upgrade that adds a table, the app's user may not change it until deploy/create-database.sh runs again;
 * the start-up check names those tables (and the server refuses to start) instead of every token change failing later.
 * On a server of its own with its grant tables in force (the tests' shared one runs without them).
 */
class TableGrantsCheckTest {

    private static final File BINARIES = new File("target/test-mariadb/server");

    private Path dir;
    private EmbeddedMariaDb db;

    @BeforeEach
    void startAServerWithGrants() throws IOException {
        dir = Files.createTempDirectory("opd-grants-");
        db = EmbeddedMariaDb.start(dir.resolve("data").toFile(), BINARIES, freePort(), "opd_grants");
    }

    @AfterEach
    void stop() {
        db.stop();
    }

    @Test
    void aTableTheUserMayOnlyReadAndAddToIsNamedUntilTheGrantsAreRunAgain() throws Exception {
        String url = db.jdbcUrl("opd_grants");
        try (Connection root = DriverManager.getConnection(url, "root", ""); Statement s = root.createStatement()) {
            // grant tables in force from here on (this session keeps what it may do, as in a password reset)
            s.execute("FLUSH PRIVILEGES");
            s.execute("CREATE TABLE token (id BIGINT PRIMARY KEY)");
            s.execute("CREATE TABLE waiting_count (facility VARCHAR(32) PRIMARY KEY)");
            s.execute("CREATE TABLE journal_entry (seq BIGINT PRIMARY KEY)");
            s.execute("CREATE TABLE journal_seal (seq BIGINT PRIMARY KEY, chain_hash CHAR(64))");
            s.execute("CREATE TABLE flyway_schema_history (installed_rank INT PRIMARY KEY)");
            s.execute("CREATE VIEW token_ids AS SELECT id FROM token");
            s.execute("CREATE USER 'opd'@'localhost' IDENTIFIED BY 'app-password-1'");
            // as create-database.sh left it before the upgrade added waiting_count
            s.execute("GRANT SELECT, INSERT ON opd_grants.* TO 'opd'@'localhost'");
            s.execute("GRANT UPDATE, DELETE ON opd_grants.token TO 'opd'@'localhost'");
            try (Connection app = DriverManager.getConnection(url, "opd", "app-password-1")) {
                assertThat(TableGrantsCheck.tablesItMayNotChange(app)).containsExactly("waiting_count");
            }
            // the script run again: UPDATE and DELETE on every table but the journal, its seals and Flyway's history
            s.execute("GRANT UPDATE, DELETE ON opd_grants.waiting_count TO 'opd'@'localhost'");
            try (Connection app = DriverManager.getConnection(url, "opd", "app-password-1")) {
                assertThat(TableGrantsCheck.tablesItMayNotChange(app)).isEmpty();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
