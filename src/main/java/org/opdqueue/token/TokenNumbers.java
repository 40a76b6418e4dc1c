package org.opdqueue.token;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Gap-free per-service, per-day numbers. The counter row is bumped under its row lock in the issuing
 * transaction: concurrent issues on one service wait for each other, and a rolled-back issue gives
 * its number back.
 */
@ApplicationScoped
public class TokenNumbers {

    /**
     * How far a service's numbers move on when the server that gave the last ones is lost (a restore from the
     * archive, a promoted replica): tokens it gave in its last second are on patients' slips but were not passed on,
     * and their numbers must not be given to someone else. Far more than a second's tokens of one service.
     */
    public static final int SKIPPED_AFTER_A_LOSS = 100;

    private final EntityManager em;

    public TokenNumbers(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public int next(String facility, LocalDate day, Long serviceId) {
        return nextBlock(facility, day, serviceId, 1);
    }

    /** Takes {@code count} consecutive numbers at once and returns the first of them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int nextBlock(String facility, LocalDate day, Long serviceId, int count) {
        int last = bump(facility, day, serviceId, count);
        if (last == 0) {
            // The day's first token for this service: create the row in its own short transaction so
            // that concurrent first issues never deadlock on inserting it.
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    INSERT IGNORE INTO token_number_sequence (facility, business_day, service_id, last_number)
                    VALUES (?1, ?2, ?3, 0)
                    """).setParameter(1, facility).setParameter(2, day).setParameter(3, serviceId).executeUpdate());
            last = bump(facility, day, serviceId, count);
            if (last == 0) {
                throw new IllegalStateException("number sequence row missing for service " + serviceId);
            }
        }
        return last - count + 1;
    }

    /**
     * The new last number, or 0 when the day has no row for the service yet. One statement under the row lock: the
     * server reports the LAST_INSERT_ID(expr) it set with the update's result, where reading it back with a SELECT
     * was a second round trip while every other issue of the service waits for the lock.
     */
    private int bump(String facility, LocalDate day, Long serviceId, int count) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement update = c.prepareStatement("""
                    UPDATE token_number_sequence SET last_number = LAST_INSERT_ID(last_number + ?)
                    WHERE facility = ? AND business_day = ? AND service_id = ?""", Statement.RETURN_GENERATED_KEYS)) {
                update.setInt(1, count);
                update.setString(2, facility);
                update.setObject(3, day); // not a java.sql.Date: see RowBinder
                update.setLong(4, serviceId);
                if (update.executeUpdate() == 0) {
                    return 0;
                }
                try (ResultSet last = update.getGeneratedKeys()) {
                    if (!last.next()) {
                        throw new IllegalStateException("the number update reported no LAST_INSERT_ID");
                    }
                    return last.getInt(1);
                }
            }
        });
    }
}
