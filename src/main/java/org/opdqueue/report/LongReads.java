package org.opdqueue.report;

import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executor;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;

import org.jboss.logging.Logger;

import org.opdqueue.common.OpdConfig;
import org.opdqueue.common.ProblemException;
import org.opdqueue.common.ProblemType;

/**
 * Gives report work a long network timeout, on its transaction's connection (the pool hands a transaction the same
 * connection each time, so Hibernate's queries run on it), and the connection its own timeout back afterwards.
 * <p>
 * The pool's 3 s socket timeout is how a request learns fast that the database is gone, and such a failure switches
 * the system to paper-token mode. A year's range rolled up for the first time, or a counter's state looked up on a
 * big journal, can take longer than that on a database that is perfectly well: a report running out of time is
 * answered as a slow report (503, nothing changed), and whether the database is gone is left to the mode's probe.
 */
@ReportReads
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300) // inside @Transactional's (PLATFORM_BEFORE + 200)
public class LongReads {

    private static final Logger LOG = Logger.getLogger(LongReads.class);

    /** The MariaDB driver sets the socket's timeout at once; it needs no executor to do it on. */
    private static final Executor AT_ONCE = Runnable::run;

    private final DataSource pool;
    private final TransactionManager transactions;
    private final Duration timeout;

    public LongReads(DataSource pool, TransactionManager transactions, OpdConfig config) {
        this.pool = pool;
        this.transactions = transactions;
        this.timeout = config.reports().readTimeout();
    }

    @AroundInvoke
    Object longer(InvocationContext call) throws Exception {
        if (transactions.getStatus() != Status.STATUS_ACTIVE) {
            return call.proceed(); // no connection of its own to lengthen: a caller without a transaction
        }
        int before;
        try (Connection c = pool.getConnection()) {
            before = c.getNetworkTimeout();
            if (before == 0 || before >= timeout.toMillis()) {
                return call.proceed(); // already long: a report method called by another
            }
            c.setNetworkTimeout(AT_ONCE, (int) timeout.toMillis());
        }
        try {
            return call.proceed();
        } catch (RuntimeException e) {
            if (timedOut(e)) {
                LOG.warnf("A report ran out of its %s s (%s.%s)", timeout.toSeconds(),
                        call.getMethod().getDeclaringClass().getSimpleName(), call.getMethod().getName());
                throw new ProblemException(ProblemType.REPORT_TOO_SLOW, "The report took longer than "
                        + timeout.toSeconds() + " s. Ask for a shorter range, or try again later.");
            }
            throw e;
        } finally {
            restore(before);
        }
    }

    private void restore(int before) {
        try (Connection c = pool.getConnection()) {
            if (!c.isClosed()) {
                c.setNetworkTimeout(AT_ONCE, before);
            }
        } catch (SQLException | RuntimeException e) {
            // the connection died with the time-out; the pool drops it
            LOG.debugf("could not give a report's connection its timeout back: %s", e.getMessage());
        }
    }

    static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (Throwable s : t.getSuppressed()) {
                if (s != t && timedOut(s)) {
                    return true;
                }
            }
            if (t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
