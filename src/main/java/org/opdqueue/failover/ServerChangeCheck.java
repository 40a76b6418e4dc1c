package org.opdqueue.failover;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

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

    @Override
    public void onConnectionCreate(Connection connection) {
        try {
            if (change.check(connection)) {
                CompletableFuture.runAsync(journal::writePending);
            }
        } catch (SQLException e) {
            // the pool closes the connection and the caller gets this: a 503 like any unreachable database
            throw new IllegalStateException(e.getMessage(), e);
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
