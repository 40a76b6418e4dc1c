package org.opdqueue.console;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The offline actions already replayed, by the console's action id, with the answer each got. Its primary key
 * settles which of two replays of the same outbox wins; the loser runs again and finds every action here.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ActionKeys {

    /** An earlier replay of an action id: what it asked for and what it was answered. */
    public record Earlier(String fingerprint, String result, String reason, Long tokenId) {
    }

    private final EntityManager em;

    public ActionKeys(EntityManager em) {
        this.em = em;
    }

    public Optional<Earlier> find(String facility, String actionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT counter_id, kind, number, device_time, result, reason, token_id
                FROM counter_offline_action WHERE facility = ?1 AND action_id = ?2""")
                .setParameter(1, facility).setParameter(2, actionId).getResultList();
        return rows.stream().findFirst().map(r -> new Earlier(
                ((Number) r[0]).longValue() + "|" + r[1] + "|" + r[2] + "|" + toInstant(r[3]).toEpochMilli(),
                (String) r[4], (String) r[5], r[6] == null ? null : ((Number) r[6]).longValue()));
    }

    public void record(String facility, long counterId, OfflineAction action, ActionResult result, String actor,
            Instant receivedAt) {
        em.createNativeQuery("""
                INSERT INTO counter_offline_action
                    (facility, action_id, counter_id, kind, number, device_time, result, reason, token_id, actor, received_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)""")
                .setParameter(1, facility).setParameter(2, action.actionId().toString()).setParameter(3, counterId)
                .setParameter(4, action.kind().name()).setParameter(5, action.displayNumber())
                .setParameter(6, java.sql.Timestamp.from(action.at())).setParameter(7, result.result())
                .setParameter(8, truncate(result.reason())).setParameter(9, result.tokenId()).setParameter(10, actor)
                .setParameter(11, receivedAt).executeUpdate();
    }

    private static String truncate(String reason) {
        return reason == null || reason.length() <= 255 ? reason : reason.substring(0, 254) + "…";
    }

    private static Instant toInstant(Object value) {
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof java.time.LocalDateTime ldt) {
            return java.sql.Timestamp.valueOf(ldt).toInstant();
        }
        return (Instant) value;
    }
}
