package org.opdqueue.common;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Small reads a request needs before it can start (who is this staff member, which kiosk holds this key), waited for
 * at most a moment. A frozen database answers nothing until its socket times out (3 s); a caller that already knows
 * the answer from an earlier read goes on with that, so the request still fails or succeeds within its 3 s. Four
 * threads at most: a flood against a frozen database queues here, it does not take every thread of the server.
 */
@ApplicationScoped
public class QuickReads {

    /** Longer than any healthy read of one row, well inside the 3 s a request may take. */
    public static final Duration WAIT = Duration.ofMillis(500);

    private final ExecutorService readers = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "quick-read-" + COUNT.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final Logger LOG = Logger.getLogger(QuickReads.class);

    private final DataSource pool;

    public QuickReads(DataSource pool) {
        this.pool = pool;
    }

    /** The read's answer in its own transaction, or empty when it took longer than {@link #WAIT}; its failure is thrown. */
    public <T> Optional<T> within(Supplier<T> read) {
        return answered(readers.submit(() -> QuarkusTransaction.requiringNew().call(read::get)));
    }

    /** A read of plain rows: statements on a pooled connection. */
    @FunctionalInterface
    public interface RowRead<T> {
        T read(Connection c) throws SQLException;
    }

    /**
     * As {@link #within}, for a read of one row that needs no entity: its statement alone on a pooled connection in
     * autocommit, where a transaction around it sends three more (autocommit off, commit, autocommit on), each a round
     * trip on both sides. A failure comes as an {@link IllegalStateException} caused by the {@link SQLException}.
     */
    public <T> Optional<T> withinRows(RowRead<T> read) {
        return answered(readers.submit(() -> {
            try (Connection c = pool.getConnection()) {
                return read.read(c);
            }
        }));
    }

    private static <T> Optional<T> answered(Future<T> answer) {
        try {
            return Optional.ofNullable(answer.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            answer.cancel(false);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** A small write nobody waits for (a kiosk's last-online time): done soon, in its own transaction, or dropped. */
    public void soon(Runnable write) {
        readers.execute(() -> {
            try {
                QuarkusTransaction.requiringNew().run(write);
            } catch (RuntimeException e) {
                LOG.debugf("left undone: %s", e.getMessage());
            }
        });
    }

    @PreDestroy
    void stop() {
        readers.shutdownNow();
    }
}
