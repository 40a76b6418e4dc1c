package org.opdqueue.queue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.common.RowBinder;
import org.opdqueue.counter.Counter;
import org.opdqueue.servicepoint.QueueState;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.token.Token;
import org.opdqueue.token.TokenStatus;

/**
 * The one place that reads today's queues: who waits and in which order they will be called, how many wait per
 * service, and which token a counter holds. Commands read through it too, inside their own transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class QueueReads {

    /** First come, first called within a lane; the id breaks a tie of equal queue times. */
    public static final Comparator<Token> BY_QUEUE_TIME = Comparator.comparing((Token t) -> t.queuedAt)
            .thenComparing(t -> t.id);

    /** Today's line of one service: who waits, in the order they will be called, and who is at a counter now. */
    public record Line(List<Token> waiting, List<Token> atCounters) {
    }

    private final Facility facility;
    private final HospitalClock clock;
    private final EntityManager em;

    public QueueReads(Facility facility, HospitalClock clock, EntityManager em) {
        this.facility = facility;
        this.clock = clock;
        this.em = em;
    }

    public Line lineOf(ServicePoint service) {
        List<Token> tokens = Token.list("""
                facility = ?1 and serviceId = ?2 and businessDay = ?3 and status in ?4 order by queuedAt, id""",
                facility.code(), service.id, clock.businessDay(),
                List.of(TokenStatus.WAITING, TokenStatus.CALLED, TokenStatus.SERVING));
        Map<Boolean, List<Token>> lanes = tokens.stream().filter(t -> t.status == TokenStatus.WAITING)
                .collect(Collectors.partitioningBy(t -> t.priorityLane));
        List<Token> order = policyOf(service).callOrder(lanes.get(true), lanes.get(false), BY_QUEUE_TIME);
        return new Line(order, tokens.stream().filter(t -> t.status != TokenStatus.WAITING).toList());
    }

    /** The first waiting token of each lane of today's queue; null for a lane nobody waits in. */
    public record Heads(Token priority, Token general) {
    }

    /** Both lanes' heads in one statement (each half walks the queue index to its first row), as calling asks. */
    public Heads headsOf(Long serviceId) {
        List<Token> heads = em.unwrap(Session.class).createNativeQuery("""
                (SELECT * FROM token WHERE facility = :facility AND service_id = :service AND business_day = :day
                  AND status = 'WAITING' AND is_priority ORDER BY queued_at, id LIMIT 1)
                UNION ALL
                (SELECT * FROM token WHERE facility = :facility AND service_id = :service AND business_day = :day
                  AND status = 'WAITING' AND NOT is_priority ORDER BY queued_at, id LIMIT 1)""", Token.class)
                .addSynchronizedEntityClass(Token.class) // flushes changed tokens first, nothing else
                .setParameter("facility", facility.code()).setParameter("service", serviceId)
                .setParameter("day", clock.businessDay()).getResultList();
        Token priority = null;
        Token general = null;
        for (Token head : heads) {
            if (head.priorityLane) {
                priority = head;
            } else {
                general = head;
            }
        }
        return new Heads(priority, general);
    }

    /** Everyone else waiting in the token's queue on its day, by queue time (both lanes). */
    public List<Token> waitingBesides(Token token) {
        return Token.<Token>find("""
                facility = ?1 and serviceId = ?2 and businessDay = ?3 and status = ?4 and id <> ?5
                order by queuedAt, id""", token.facility, token.serviceId, token.businessDay, TokenStatus.WAITING,
                token.id).list();
    }

    /** Who else waits in a waiting token's queue, by lane: queued before it, and in all. */
    public record Around(long priorityAhead, long generalAhead, long priorityWaiting, long generalWaiting) {
    }

    public Around around(Token token, ServicePoint service) {
        Object[] counts = (Object[]) em.createNativeQuery("""
                SELECT COALESCE(SUM(CASE WHEN is_priority AND (queued_at < ?4 OR (queued_at = ?4 AND id < ?5)) THEN 1 ELSE 0 END), 0),
                       COALESCE(SUM(CASE WHEN NOT is_priority AND (queued_at < ?4 OR (queued_at = ?4 AND id < ?5)) THEN 1 ELSE 0 END), 0),
                       COALESCE(SUM(CASE WHEN is_priority THEN 1 ELSE 0 END), 0),
                       COALESCE(SUM(CASE WHEN NOT is_priority THEN 1 ELSE 0 END), 0)
                FROM token
                WHERE facility = ?1 AND service_id = ?2 AND business_day = ?3 AND status = 'WAITING' AND id <> ?5
                """)
                .setParameter(1, token.facility).setParameter(2, service.id).setParameter(3, token.businessDay)
                .setParameter(4, token.queuedAt).setParameter(5, token.id)
                .getSingleResult();
        return new Around(((Number) counts[0]).longValue(), ((Number) counts[1]).longValue(),
                ((Number) counts[2]).longValue(), ((Number) counts[3]).longValue());
    }

    /** Who waits before a newcomer, and the service's call policy, read together (the issue batch's one read). */
    public record Newcomer(Around around, CallPolicy policy) {
    }

    /**
     * Who waits in a service's queue on a day, by lane: queued no later than {@code at} (so ahead of a token queued
     * now, which has a higher id than any saved one), and in all; read inside an issue, before its tokens are saved.
     * The counts come from the queue's {@code waiting_count} row (kept by the journal, see journal/WaitingCounts), less
     * the few queued after {@code at} (an appointment checked in before its slot); counting the waiting rows read one
     * row per patient waiting, in every batch. With it the service's {@link #policyOf call policy}, in the same
     * statement: issuing asks both once per batch with the number row locked.
     */
    public Newcomer newcomer(ServicePoint service, java.time.LocalDate day, java.time.Instant at) {
        // plain JDBC on the transaction's connection: through a Hibernate native query the statement's result mapping
        // and its Instant's calendar cost the issuing lane more than the database took to answer
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement read = c.prepareStatement("""
                    SELECT COALESCE(w.priority_waiting, 0), COALESCE(w.general_waiting, 0),
                           (SELECT COUNT(*) FROM token WHERE facility = ? AND service_id = ? AND business_day = ?
                              AND status = 'WAITING' AND is_priority = TRUE AND queued_at > ?),
                           (SELECT COUNT(*) FROM token WHERE facility = ? AND service_id = ? AND business_day = ?
                              AND status = 'WAITING' AND is_priority = FALSE AND queued_at > ?),
                           (SELECT priority_run FROM queue_state WHERE service_id = ?)
                    FROM (SELECT 1) one
                    LEFT JOIN waiting_count w ON w.facility = ? AND w.business_day = ? AND w.service_id = ?
                    """)) {
                LocalDateTime after = RowBinder.utcWallTime(at);
                for (int lane = 0; lane < 2; lane++) {
                    read.setString(4 * lane + 1, service.facility);
                    read.setLong(4 * lane + 2, service.id);
                    read.setObject(4 * lane + 3, day);
                    read.setObject(4 * lane + 4, after);
                }
                read.setLong(9, service.id);
                read.setString(10, service.facility);
                read.setObject(11, day);
                read.setLong(12, service.id);
                try (ResultSet row = read.executeQuery()) {
                    row.next();
                    long priorityWaiting = row.getLong(1);
                    long generalWaiting = row.getLong(2);
                    Around around = new Around(priorityWaiting - row.getLong(3), generalWaiting - row.getLong(4),
                            priorityWaiting, generalWaiting);
                    // no queue state row yet: as policyOf, a run of 0 (getInt gives 0 for NULL)
                    return new Newcomer(around, new CallPolicy(service.priorityInterleave, row.getInt(5)));
                }
            }
        });
    }

    /** How many wait today in each service that has anyone waiting (from the kept counts, see {@link #newcomer}). */
    public Map<Long, Long> waitingCounts() {
        return countsOf(em.createNativeQuery("""
                SELECT service_id, priority_waiting + general_waiting FROM waiting_count
                WHERE facility = ?1 AND business_day = ?2 AND priority_waiting + general_waiting > 0
                """).setParameter(1, facility.code()).setParameter(2, clock.businessDay()).getResultList());
    }

    /** As {@link #waitingCounts()}, for the given services only. */
    public Map<Long, Long> waitingCounts(Collection<Long> serviceIds) {
        if (serviceIds.isEmpty()) {
            return Map.of();
        }
        return countsOf(em.createNativeQuery("""
                SELECT service_id, priority_waiting + general_waiting FROM waiting_count
                WHERE facility = ?1 AND business_day = ?2 AND service_id IN (?3) AND priority_waiting + general_waiting > 0
                """).setParameter(1, facility.code()).setParameter(2, clock.businessDay())
                .setParameter(3, serviceIds).getResultList());
    }

    /**
     * The tokens a counter holds (called or being served), of any day: a counter must finish what it holds before
     * it calls again. Normally one at most.
     */
    public List<Token> heldBy(Counter counter) {
        // each status a parameter of its own: Hibernate translates a query with a list parameter into SQL again at
        // every run (about a tenth of a call's CPU), and every call and undo asks this
        return Token.<Token>find("facility = ?1 and counterId = ?2 and (status = ?3 or status = ?4)", counter.facility,
                counter.id, HELD[0], HELD[1]).list();
    }

    private static final TokenStatus[] HELD = TokenStatus.AT_COUNTER.toArray(TokenStatus[]::new);

    static {
        if (HELD.length != 2) {
            throw new IllegalStateException("heldBy names two held statuses; TokenStatus.AT_COUNTER has " + HELD.length);
        }
    }

    /** Today's held token of each of these counters (a board's tiles), by counter id. */
    public Map<Long, Token> heldTodayBy(Collection<Long> counterIds) {
        Map<Long, Token> held = new HashMap<>();
        if (!counterIds.isEmpty()) {
            Token.<Token>list("facility = ?1 and businessDay = ?2 and counterId in ?3 and status in ?4", facility.code(),
                    clock.businessDay(), counterIds, TokenStatus.AT_COUNTER).forEach(t -> held.put(t.counterId, t));
        }
        return held;
    }

    /** The latest calls still at a counter in one service today, newest first (a patient's "now calling"). */
    public List<Token> nowCalling(ServicePoint service, int most) {
        return Token.<Token>find("""
                facility = ?1 and serviceId = ?2 and businessDay = ?3 and status in ?4 order by calledAt desc""",
                facility.code(), service.id, clock.businessDay(), TokenStatus.AT_COUNTER).page(0, most).list();
    }

    /** The call policy of a service as it stands now (where its priority run is). */
    public CallPolicy policyOf(ServicePoint service) {
        QueueState state = QueueState.findById(service.id);
        return new CallPolicy(service.priorityInterleave, state == null ? 0 : state.priorityRun);
    }

    private static Map<Long, Long> countsOf(List<?> rows) {
        Map<Long, Long> counts = new HashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            counts.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
        }
        return counts;
    }
}
