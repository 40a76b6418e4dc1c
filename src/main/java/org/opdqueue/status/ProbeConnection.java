package org.opdqueue.status;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The mode probe's own connection to the database, outside the pool. Through the pool, a pool busy with readers
 * looked exactly like a dead database (no connection within the acquisition timeout) and the whole hospital was
 * put in paper-token mode; this connection answers whether the database does, however busy the pool is. It is
 * kept open between probes, opened again after any failure, and never waits longer than {@link #TIMEOUT_MILLIS}.
 */
@ApplicationScoped
public class ProbeConnection {

    static final int TIMEOUT_MILLIS = 1_000;

    private final String url;
    private final Properties login = new Properties();
    private Connection connection;

    public ProbeConnection(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.url = url;
        user.ifPresent(u -> login.setProperty("user", u));
        login.setProperty("password", password.orElse(""));
        login.setProperty("connectTimeout", String.valueOf(TIMEOUT_MILLIS));
        login.setProperty("socketTimeout", String.valueOf(TIMEOUT_MILLIS));
    }

    /** Null when the database answered a round trip within the timeout, else what went wrong. */
    synchronized String failure() {
        try {
            if (connection == null) {
                connection = new org.mariadb.jdbc.Driver().connect(url, login);
            }
            // a read-only server is a replica not promoted yet (the connection string lists both): no database to
            // write to, so paper-token mode until the replica is promoted (failover/ServerChange refuses it too)
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT @@read_only")) {
                if (rs.next() && rs.getBoolean(1)) {
                    close();
                    return "the database is read-only (a replica that has not been promoted)";
                }
            }
            return null;
        } catch (SQLException e) {
            close();
            return e.getMessage() != null && e.getMessage().toLowerCase().contains("timed out")
                    ? "the database did not answer within " + TIMEOUT_MILLIS + " ms"
                    : String.valueOf(e.getMessage());
        }
    }

    @PreDestroy
    synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // it is being dropped anyway
            }
            connection = null;
        }
    }
}
