package org.opdqueue.common;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.RollbackException;

import org.hibernate.JDBCException;
import org.hibernate.PessimisticLockException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;

import io.vertx.core.http.HttpClosedException;

/** Tells database trouble (unreachable, lock contention) apart from bugs. */
public final class Failures {

    private static final int ER_DUP_ENTRY = 1062;
    private static final int ER_LOCK_WAIT_TIMEOUT = 1205;
    private static final int ER_LOCK_DEADLOCK = 1213;
    /** "The MariaDB server is running with the --read-only option": a replica, not (yet) the primary. */
    private static final int ER_OPTION_PREVENTS_STATEMENT = 1290;

    private Failures() {
    }

    public static ProblemType classify(Throwable e) {
        if (isCommitFailure(e)) {
            return ProblemType.OUTCOME_UNKNOWN;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProblemException p) {
                return p.type();
            }
            if (isPoolExhausted(t)) {
                return ProblemType.OVERLOADED;
            }
            if (isUnreachable(t)) {
                return ProblemType.DEGRADED;
            }
            if (isContention(t)) {
                return ProblemType.BUSY;
            }
        }
        return ProblemType.INTERNAL;
    }

    public static boolean isContention(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException
                    || t instanceof LockAcquisitionException || t instanceof PessimisticLockException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && (sql.getErrorCode() == ER_LOCK_DEADLOCK || sql.getErrorCode() == ER_LOCK_WAIT_TIMEOUT)) {
                return true;
            }
        }
        return false;
    }

    /** A unique key refused the write: somebody else made the same thing first. */
    public static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException
                    || t instanceof SQLException sql && sql.getErrorCode() == ER_DUP_ENTRY) {
                return true;
            }
        }
        return false;
    }

    /**
     * The commit itself failed (Narayana's "ARJUNA016053: Could not commit transaction", a heuristic outcome): the
     * database may have written the change before the connection died, so nobody can say whether it happened.
     */
    public static boolean isCommitFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RollbackException || t instanceof HeuristicMixedException
                    || t instanceof HeuristicRollbackException) {
                return true;
            }
        }
        return false;
    }

    public static boolean isUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // Narayana reports what the connection said as a suppressed exception of its own
            for (Throwable s : t.getSuppressed()) {
                if (s != t && isUnreachable(s)) {
                    return true;
                }
            }
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException || t instanceof ConnectException) {
                return true;
            }
            // a write that reached a read-only server after a fail-over: no database to write to, as if none answered
            if (t instanceof SQLException sql && sql.getErrorCode() == ER_OPTION_PREVENTS_STATEMENT
                    && String.valueOf(sql.getMessage()).contains("read-only")) {
                return true;
            }
            // A pooled connection that died with the database fails when it joins a transaction, and Agroal reports
            // that without the connection's own exception as a cause.
            if (t instanceof SQLException && String.valueOf(t.getMessage()).startsWith("Failed to enlist")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The client hung up before its answer was written (a kiosk losing Wi-Fi, a closed browser tab): nobody is
     * left to answer, and the server did nothing wrong. A reset of the database's connection is not this one.
     */
    public static boolean isClientGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException || t instanceof JDBCException) {
                return false;
            }
            if (t instanceof HttpClosedException || t instanceof ClosedChannelException) {
                return true;
            }
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("connection was closed")
                    || t instanceof IOException && (message.contains("broken pipe") || message.contains("connection reset"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * No connection came free in time: the database may be slow or overloaded, not gone. Whether it is gone is
     * for the mode probe to tell; this request alone is refused.
     */
    public static boolean isPoolExhausted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // Agroal reports it as a plain SQLException: "Acquisition timeout while waiting for new connection"
            if (t instanceof SQLException
                    && String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
                return true;
            }
        }
        return false;
    }

    static String detail(ProblemType type) {
        return switch (type) {
            case DEGRADED -> "The database cannot be reached. Issue paper tokens; the system will merge them when it is back.";
            case BUSY -> "Another change to the same queue happened at the same moment. Please try again.";
            case OVERLOADED -> "The server is busier than it can answer right now. Please try again in a moment.";
            case OUTCOME_UNKNOWN -> "The database went away while this change was being saved, so it may or may not have been saved.";
            default -> "Something went wrong on the server. The error has been logged.";
        };
    }
}
