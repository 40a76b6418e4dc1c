package org.opdqueue.archive;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import org.opdqueue.support.EmbeddedMariaDbResource;

/**
 * A database of its own for the archive tests (they empty it, as a lost server leaves a new one empty), on the
 * shared test MariaDB, with the demo hospital seeded so that its staff and kiosk can be restored.
 */
public class ArchiveDatabaseResource implements QuarkusTestResourceLifecycleManager {

    static final String DATABASE = "opd_archive";

    @Override
    public Map<String, String> start() {
        Map<String, String> shared = new EmbeddedMariaDbResource().start();
        String url = shared.getOrDefault("quarkus.datasource.jdbc.url", System.getenv("QUARKUS_DATASOURCE_JDBC_URL"));
        String user = shared.getOrDefault("quarkus.datasource.username", System.getenv("QUARKUS_DATASOURCE_USERNAME"));
        String password = shared.getOrDefault("quarkus.datasource.password",
                System.getenv().getOrDefault("QUARKUS_DATASOURCE_PASSWORD", ""));
        String server = url.substring(0, url.lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(server, user, password); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE);
            s.execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the database " + DATABASE + " at " + server, e);
        }
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", server + DATABASE);
        config.put("quarkus.datasource.username", user);
        config.put("quarkus.datasource.password", password);
        return config;
    }

    @Override
    public void stop() {
        // the server is shared with the other test classes and stops with the JVM
    }
}
