package org.opdqueue.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.opdqueue.common.Facility;
import org.opdqueue.token.Channel;
import org.opdqueue.token.TokenStatus;

/**
 * Reads one business day from the token table and the journal: four queries, however many tokens. A token's visits
 * come from its journal entries in {@code seq} order, at the time each thing happened: an entry written after an
 * outage for a call made during it carries the call's own time (its device time).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DayFactsReader {

    private final Facility facility;
    private final ReportDay days;
    private final EntityManager em;

    public DayFactsReader(Facility facility, ReportDay days, EntityManager em) {
        this.facility = facility;
        this.days = days;
        this.em = em;
    }

    public DayFacts read(LocalDate day) {
        String f = facility.code();
        Instant start = days.start(day);
        Instant end = days.end(day);
        Map<Long, DayFacts.TokenFact> tokens = new LinkedHashMap<>();
        for (Object[] r : rows("""
                SELECT id, number_service_id, service_id, priority, channel, status, issued_at, estimated_wait_at_issue,
                       display_number
                FROM token WHERE facility = ?1 AND business_day = ?2 ORDER BY issued_at, id""", f, day)) {
            DayFacts.TokenFact t = new DayFacts.TokenFact(num(r[0]), num(r[1]), num(r[2]), (String) r[3],
                    Channel.valueOf((String) r[4]), TokenStatus.valueOf((String) r[5]), instant(r[6]),
                    r[7] == null ? null : ((Number) r[7]).intValue(), (String) r[8]);
            tokens.put(t.id(), t);
        }
        Map<Long, VisitWalk> walks = new HashMap<>();
        List<DayFacts.Visit> visits = new ArrayList<>();
        tokens.values().forEach(t -> walks.put(t.id(), new VisitWalk(t, visits)));
        for (Object[] r : rows("""
                SELECT j.token_id, j.type, j.occurred_at, j.device_time, j.degraded, j.service_id, j.counter_id, j.actor
                FROM token t JOIN journal_entry j ON j.facility = t.facility AND j.token_id = t.id
                WHERE t.facility = ?1 AND t.business_day = ?2
                  AND j.type IN ('CALLED', 'STARTED', 'COMPLETED', 'NO_SHOW', 'REQUEUED', 'TRANSFERRED', 'CANCELLED')
                ORDER BY j.seq""", f, day)) {
            Instant occurred = instant(r[2]);
            Instant deviceTime = instant(r[3]);
            boolean degraded = r[4] != null && (r[4] instanceof Boolean b ? b : ((Number) r[4]).intValue() != 0);
            walks.get(num(r[0])).on((String) r[1], degraded && deviceTime != null ? deviceTime : occurred,
                    r[5] == null ? null : num(r[5]), r[6] == null ? null : num(r[6]), (String) r[7]);
        }
        walks.values().forEach(VisitWalk::close);
        visits.sort((a, b) -> a.queuedFrom().compareTo(b.queuedFrom()));

        List<DayFacts.CounterChange> changes = new ArrayList<>();
        for (Object[] r : rows("""
                SELECT counter_id, occurred_at, counter_state_before, counter_state_after FROM journal_entry
                WHERE facility = ?1 AND business_day = ?2 AND type = 'COUNTER_STATE_CHANGED' AND counter_id IS NOT NULL
                ORDER BY seq""", f, day)) {
            changes.add(new DayFacts.CounterChange(num(r[0]), instant(r[1]), (String) r[2], (String) r[3]));
        }
        // A counter's state as the day began: after its last change on record before the day. A counter never changed
        // on record (set up open, say) has no known open time.
        Map<Long, String> atStart = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        for (Object[] r : rows("""
                SELECT c.id, c.name,
                       (SELECT j.counter_state_after FROM journal_entry j
                        WHERE j.facility = c.facility AND j.type = 'COUNTER_STATE_CHANGED' AND j.counter_id = c.id
                          AND j.business_day < ?2 ORDER BY j.business_day DESC, j.seq DESC LIMIT 1)
                FROM counter c WHERE c.facility = ?1""", f, day)) {
            names.put(num(r[0]), (String) r[1]);
            atStart.put(num(r[0]), r[2] == null ? "UNKNOWN" : (String) r[2]);
        }
        Map<Long, DayFacts.ServiceName> services = new HashMap<>();
        for (Object[] r : rows("SELECT id, code, name_en, name_hi FROM service_point WHERE facility = ?1", f, null)) {
            services.put(num(r[0]), new DayFacts.ServiceName((String) r[1], (String) r[2], (String) r[3]));
        }
        return new DayFacts(day, start, end, List.copyOf(tokens.values()), visits, changes, atStart, names, services);
    }

    /** Follows one token through its journal entries, closing a visit at each transfer. */
    private static final class VisitWalk {
        private final DayFacts.TokenFact token;
        private final List<DayFacts.Visit> out;
        private long serviceId;
        private boolean first = true;
        private Instant queuedFrom;
        private Instant firstCall;
        private Instant lastCall;
        private Instant started;
        private Long counterId;
        private String staff;
        private int noShows;
        private DayFacts.End state = DayFacts.End.OPEN;
        private Instant finished;

        VisitWalk(DayFacts.TokenFact token, List<DayFacts.Visit> out) {
            this.token = token;
            this.out = out;
            this.serviceId = token.issueServiceId();
            this.queuedFrom = token.issuedAt();
        }

        void on(String type, Instant at, Long service, Long counter, String actor) {
            switch (type) {
                case "CALLED" -> {
                    firstCall = firstCall == null ? at : firstCall;
                    lastCall = at;
                    started = null;
                    counterId = counter;
                    state = DayFacts.End.OPEN;
                }
                case "STARTED" -> {
                    started = at;
                    counterId = counter != null ? counter : counterId;
                    staff = actor;
                }
                case "COMPLETED" -> {
                    started = started != null ? started : lastCall;
                    finished = started != null && at.isBefore(started) ? started : at;
                    counterId = counter != null ? counter : counterId;
                    staff = actor != null ? actor : staff;
                    state = DayFacts.End.COMPLETED;
                }
                case "NO_SHOW" -> {
                    noShows++;
                    state = DayFacts.End.NO_SHOW;
                }
                case "REQUEUED" -> state = DayFacts.End.OPEN;
                case "CANCELLED" -> {
                    finished = at;
                    state = DayFacts.End.CANCELLED;
                }
                case "TRANSFERRED" -> {
                    finished = at;
                    state = DayFacts.End.TRANSFERRED;
                    staff = actor != null && started != null ? actor : staff;
                    close();
                    serviceId = service != null ? service : serviceId;
                    first = false;
                    queuedFrom = at;
                    firstCall = null;
                    lastCall = null;
                    started = null;
                    counterId = null;
                    staff = null;
                    noShows = 0;
                    finished = null;
                    state = DayFacts.End.OPEN;
                    return;
                }
                default -> {
                    // other entries say nothing about waiting or service
                }
            }
        }

        void close() {
            Instant end = state == DayFacts.End.OPEN || state == DayFacts.End.NO_SHOW ? null : finished;
            Instant serviceStart = state == DayFacts.End.COMPLETED || state == DayFacts.End.TRANSFERRED ? started : null;
            out.add(new DayFacts.Visit(token.id(), serviceId, first, queuedFrom, firstCall, serviceStart, end, state,
                    counterId, staff, noShows));
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, String facilityCode, LocalDate day) {
        var q = em.createNativeQuery(sql).setParameter(1, facilityCode);
        if (day != null) {
            q.setParameter(2, day);
        }
        return q.getResultList();
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }

    private static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        return o instanceof Timestamp ts ? ts.toInstant() : o instanceof Instant i ? i
                : Timestamp.valueOf((LocalDateTime) o).toInstant();
    }
}
