package org.opdqueue.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

import jakarta.persistence.PersistenceException;

import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures the retry-or-settle helper treats as a lost race: a duplicate key only, never an outage. */
class TransactionsPolicyTest {

    private final Transactions.LostRace race = Transactions.LostRace.DUPLICATE_KEY;

    @Test
    void aDuplicateKeyIsALostRace() {
        assertThat(race.by(new PersistenceException(new SQLIntegrityConstraintViolationException("Duplicate entry")))).isTrue();
        assertThat(race.by(new PersistenceException(new SQLException("Duplicate entry 'x' for key 'uk'", "23000", 1062))))
                .isTrue();
    }

    @Test
    void aLostDatabaseIsNoLostRace() {
        assertThat(race.by(new JDBCConnectionException("gone", new SQLException("Connection refused")))).isFalse();
        assertThat(race.by(new PersistenceException(new ConnectException("Connection refused")))).isFalse();
    }

    @Test
    void aBugOrARefusalIsNoLostRace() {
        assertThat(race.by(new IllegalStateException("bug"))).isFalse();
        assertThat(race.by(ProblemException.illegal("Token MED-001 is COMPLETED, it cannot be called"))).isFalse();
    }
}
