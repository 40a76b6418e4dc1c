package org.opdqueue.failover;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import org.mariadb.jdbc.HostAddress;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.runtime.StartupEvent;

/**
 * Every connection the pool opens is checked by {@link ServerChange} before anyone gets it: after a fail-over the
 * pool's old connections die with the old primary, and every new one goes to the promoted replica through this.
 * The check of the server's id is one round trip per new connection; the table is read only when the id is new.
 */
@ApplicationScoped
public class ServerChangeCheck implements AgroalPoolInterceptor {

    private static final Logger LOG = Logger.getLogger(ServerChangeCheck.class);

    private final ServerChange change;
    private final ServerChangeJournal journal;

    public ServerChangeCheck(ServerChange change, ServerChangeJournal journal) {
        this.change = change;
        this.journal = journal;
    }

    /** The host each pooled connection was checked on. Keyed by the driver's connection, which stays when it moves. */
    private final Map<org.mariadb.jdbc.Connection, HostAddress> checkedOn = Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public void onConnectionCreate(Connection connection) {
        check(connection);
    }

    /**
     * A connection string that lists two servers lets the driver move a pooled connection to the other server when
     * its own dies (Connector/J reconnects in place and fails the transaction that was running). Such a connection is
     * checked again before its next use; the host is known to the driver, so this costs no round trip.
     */
    @Override
    public void onConnectionAcquire(Connection connection) {
        org.mariadb.jdbc.Connection driver = driverOf(connection);
        if (driver != null && !driver.getClient().getHostAddress().equals(checkedOn.get(driver))) {
            check(connection);
        }
    }

    private void check(Connection connection) {
        try {
            if (change.check(connection)) {
                CompletableFuture.runAsync(journal::writePending);
            }
            org.mariadb.jdbc.Connection driver = driverOf(connection);
            if (driver != null) {
                checkedOn.put(driver, driver.getClient().getHostAddress());
            }
        } catch (SQLException e) {
            // the pool drops the connection (or hands out none) and the caller gets this: a 503 like any unreachable database
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static org.mariadb.jdbc.Connection driverOf(Connection connection) {
        try {
            return connection.isWrapperFor(org.mariadb.jdbc.Connection.class)
                    ? connection.unwrap(org.mariadb.jdbc.Connection.class) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    /**
     * After Flyway (whose first connections came before the table did): the server recorded, and a change the
     * process that noticed it could not journal before it died journaled now.
     */
    void onStart(@Observes StartupEvent start, AgroalDataSource pool) {
        try (Connection c = pool.getConnection()) {
            change.check(c);
        } catch (SQLException e) {
            LOG.warnf("Could not check which database server this is at start-up (%s); the next connection will",
                    e.getMessage());
            return;
        }
        journal.writePending();
    }
}
