package org.opdqueue.token;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import org.opdqueue.common.RowBinder;

/**
 * Client-made request ids and the token each one made, written in the same transaction as the token. Its
 * primary key settles which of two identical requests wins; online issuing and the offline merge both use it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RequestKeys {

    /** What an earlier request with the same id asked for (its fingerprint) and the token it made. */
    public record Earlier(String fingerprint, long tokenId) {
    }

    private final EntityManager em;

    public RequestKeys(EntityManager em) {
        this.em = em;
    }

    /** The earlier requests among these ids, by id. */
    public Map<String, Earlier> find(String facility, Collection<String> requestIds) {
        Map<String, Earlier> earlier = new HashMap<>();
        if (requestIds.isEmpty()) {
            return earlier;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT request_id, body_hash, token_id FROM idempotency_key WHERE facility = ?1 AND request_id IN (?2)""")
                .setParameter(1, facility).setParameter(2, requestIds).getResultList();
        rows.forEach(r -> earlier.put((String) r[0], new Earlier((String) r[1], ((Number) r[2]).longValue())));
        return earlier;
    }

    /** A request id to write with the token it made. */
    public record Key(String facility, String requestId, String fingerprint, long tokenId, Instant at) {
    }

    /**
     * Many request ids in one INSERT on the transaction's connection (a batch of issues); a twin committed first makes
     * it fail with a duplicate key, as {@link #record} does.
     */
    public void recordAll(List<Key> keys) {
        if (keys.isEmpty()) {
            return;
        }
        String sql = RowBinder.insert("idempotency_key", "facility, request_id, body_hash, token_id, created_at",
                keys.size());
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement insert = c.prepareStatement(sql)) {
                RowBinder b = new RowBinder(insert);
                for (Key k : keys) {
                    b.string(k.facility()).string(k.requestId()).string(k.fingerprint()).number(k.tokenId())
                            .instant(k.at());
                }
                insert.executeUpdate();
            }
        });
    }

    public void record(String facility, String requestId, String fingerprint, long tokenId, Instant at) {
        em.createNativeQuery("""
                INSERT INTO idempotency_key (facility, request_id, body_hash, token_id, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5)""")
                // no flush of the whole persistence context first: the row depends on nothing unsaved (its token is
                // inserted on persist), and in a batch of issues that flush ran once per token over every token
                .setFlushMode(FlushModeType.COMMIT).setParameter(1, facility).setParameter(2, requestId)
                .setParameter(3, fingerprint).setParameter(4, tokenId).setParameter(5, at).executeUpdate();
    }
}
