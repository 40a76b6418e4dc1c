package org.opdqueue.token;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Gap-free per-service, per-day numbers. The counter row is bumped under its row lock in the issuing
 * transaction: concurrent issues on one service wait for each other, and a rolled-back issue gives
 * its number back.
 */
@ApplicationScoped
public class TokenNumbers {

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
        if (bump(facility, day, serviceId, count) == 0) {
            // The day's first token for this service: create the row in its own short transaction so
            // that concurrent first issues never deadlock on inserting it.
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    INSERT IGNORE INTO token_number_sequence (facility, business_day, service_id, last_number)
                    VALUES (?1, ?2, ?3, 0)
                    """).setParameter(1, facility).setParameter(2, day).setParameter(3, serviceId).executeUpdate());
            if (bump(facility, day, serviceId, count) == 0) {
                throw new IllegalStateException("number sequence row missing for service " + serviceId);
            }
        }
        int last = ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).intValue();
        return last - count + 1;
    }

    private int bump(String facility, LocalDate day, Long serviceId, int count) {
        return em.createNativeQuery("""
                UPDATE token_number_sequence SET last_number = LAST_INSERT_ID(last_number + ?4)
                WHERE facility = ?1 AND business_day = ?2 AND service_id = ?3
                """).setParameter(1, facility).setParameter(2, day).setParameter(3, serviceId).setParameter(4, count)
                .executeUpdate();
    }
}
