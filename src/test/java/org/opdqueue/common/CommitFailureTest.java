package org.opdqueue.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLNonTransientConnectionException;

import javax.transaction.xa.XAException;

import jakarta.transaction.RollbackException;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransactionException;

/**
 * Issue 12 item 14: with the database killed mid-burst, Narayana's "ARJUNA016053: Could not commit transaction"
 * answered 500. A failed commit may or may not have been written: it is a 503 that says so, and how to retry.
 */
class CommitFailureTest {

    /** What a commit on a connection that died looks like: the connection's own error only as a suppressed one. */
    private static RuntimeException commitOnADeadConnection() {
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        XAException xa = new XAException("Error trying to transactionCommit local transaction: (conn=19) Connection is closed");
        xa.initCause(new SQLNonTransientConnectionException("(conn=19) Connection is closed"));
        rollback.addSuppressed(xa);
        return new QuarkusTransactionException(rollback);
    }

    @Test
    void aFailedCommitIsAnUnknownOutcomeNotAnInternalError() {
        assertThat(Failures.classify(commitOnADeadConnection())).isEqualTo(ProblemType.OUTCOME_UNKNOWN);
        assertThat(ProblemType.OUTCOME_UNKNOWN.status()).isEqualTo(503);
        assertThat(Failures.isUnreachable(commitOnADeadConnection())).as("the suppressed connection error is seen").isTrue();
    }

    @Test
    void aLostConnectionBeforeTheCommitIsStillDegraded() {
        assertThat(Failures.classify(new SQLNonTransientConnectionException("(conn=4) Socket error")))
                .isEqualTo(ProblemType.DEGRADED);
    }

    @Test
    void everyRefusalSaysWhetherAndHowToRetry() {
        assertThat(ProblemMappers.retryRule(ProblemType.OUTCOME_UNKNOWN, "/api/tokens"))
                .contains("Retry with the same requestId");
        assertThat(ProblemMappers.retryRule(ProblemType.DEGRADED, "/api/tokens")).contains("Retry with the same requestId");
        assertThat(ProblemMappers.retryRule(ProblemType.DEGRADED, "/api/sync/tokens")).contains("same requestId");
        assertThat(ProblemMappers.retryRule(ProblemType.DEGRADED, "/api/counters/3/offline-actions"))
                .contains("same actionId");
        assertThat(ProblemMappers.retryRule(ProblemType.OUTCOME_UNKNOWN, "/api/counters/3/call-next"))
                .contains("current state");
        assertThat(ProblemMappers.retryRule(ProblemType.OVERLOADED, "/api/counters/3/call-next")).contains("retrying is safe");
    }
}
