package org.opdqueue.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A brand-new, empty database on the same MariaDB server as the other tests, with no demo seed: the
 * production path, as a hospital installing the product meets it. Each start drops and creates it again.
 */
public class EmptyDatabaseResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "opd_first_run";

    /** Given by a test profile's entry: {@code database} (the name), and any setting to add (a facility code). */
    private Map<String, String> args = Map.of();

    @Override
    public void init(Map<String, String> initArgs) {
        args = initArgs;
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = databaseOfItsOwn(args.getOrDefault("database", DATABASE));
        config.put("opd.demo.seed", "false");
        args.forEach((key, value) -> {
            if (!key.equals("database")) {
                config.put(key, value);
            }
        });
        return config;
    }

    /**
     * A new, empty database of that name on the shared test MariaDB (dropped first if a run left one), as the
     * datasource settings of a test profile.
     */
    public static Map<String, String> databaseOfItsOwn(String database) {
        Map<String, String> shared = new EmbeddedMariaDbResource().start();
        String url = shared.getOrDefault("quarkus.datasource.jdbc.url", System.getenv("QUARKUS_DATASOURCE_JDBC_URL"));
        String user = shared.getOrDefault("quarkus.datasource.username", System.getenv("QUARKUS_DATASOURCE_USERNAME"));
        String password = shared.getOrDefault("quarkus.datasource.password",
                System.getenv().getOrDefault("QUARKUS_DATASOURCE_PASSWORD", ""));
        String server = url.substring(0, url.lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(server, user, password); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
            s.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the empty database " + database + " at " + server, e);
        }
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", server + database);
        config.put("quarkus.datasource.username", user);
        config.put("quarkus.datasource.password", password);
        return config;
    }

    @Override
    public void stop() {
        // the server is shared with the other test classes and stops with the JVM
    }
}
