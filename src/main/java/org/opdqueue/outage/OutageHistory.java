package org.opdqueue.outage;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.status.Mode;
import org.opdqueue.status.SystemMode;
import org.opdqueue.token.Channel;

/**
 * The recorded outages (of the database, or of the server itself) with the tokens issued during each, per channel. A
 * token counts by its issue time, so offline kiosk tokens and paper slips merged after the outage count in the period
 * they were issued in.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OutageHistory {

    /**
     * One recorded outage; {@code tokens} has every channel, in {@link Channel} order. {@code reservationUnknown}:
     * of its OFFLINE_KIOSK tokens, those merged although the block their number came from was not on record.
     * {@code nodes}: the app nodes that saw it (one record for the hospital however many did).
     */
    public record Period(long id, OutageKind kind, Instant startedAt, Instant endedAt, long durationSeconds, String cause,
            int relayedCalls, Map<Channel, Long> tokens, long totalTokens, long reservationUnknown, List<String> nodes) {

        public Duration duration() {
            return Duration.ofSeconds(durationSeconds);
        }

        /** What was down, in a few words: a server outage's cause says how, a database's is a driver message. */
        public String what() {
            return kind == OutageKind.SERVER && cause != null ? cause : kind.label();
        }
    }

    /** The outage going on now, as far as the server knows without its database. */
    public record Ongoing(Instant startedAt, Duration soFar, String cause, int relayedCalls) {
    }

    private final Facility facility;
    private final HospitalClock clock;
    private final SystemMode mode;
    private final CallRelay relay;
    private final EntityManager em;

    public OutageHistory(Facility facility, HospitalClock clock, SystemMode mode, CallRelay relay, EntityManager em) {
        this.facility = facility;
        this.clock = clock;
        this.mode = mode;
        this.relay = relay;
        this.em = em;
    }

    /** Every recorded outage, newest first. Two queries, however many outages: the periods, and one grouped count. */
    public List<Period> all() {
        List<Outage> outages = Outage.list("facility = ?1 order by startedAt desc", facility.code());
        Map<Long, Map<Channel, Long>> counts = tokensPerChannel(outages);
        Map<Long, Long> unreserved = reservationUnknown(outages);
        return outages.stream().map(o -> period(o, counts.getOrDefault(o.id, Map.of()), unreserved.getOrDefault(o.id, 0L)))
                .toList();
    }

    /** The newest recorded outage, with its tokens (for the dashboard). */
    public Optional<Period> latest() {
        return all().stream().findFirst();
    }

    /** Read from memory only, so it can be shown while the database is away. */
    public Optional<Ongoing> ongoing() {
        SystemMode.State state = mode.current();
        if (state.mode() != Mode.DEGRADED) {
            return Optional.empty();
        }
        return Optional.of(new Ongoing(state.since(), Duration.between(state.since(), clock.now()), state.cause(),
                relay.waiting()));
    }

    /**
     * The periods go in as explicit issue-time ranges, so MariaDB reads just the tokens inside them from
     * ix_token_issued (facility, issued_at, channel) without touching a row; the join with the outage table then
     * says which period each falls in. A join on the outage table alone reads the hospital's whole index once per
     * outage instead.
     */
    private Map<Long, Map<Channel, Long>> tokensPerChannel(List<Outage> outages) {
        if (outages.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = inPeriods(outages, """
                SELECT o.id, t.channel, COUNT(*) FROM token t
                JOIN outage o ON o.facility = t.facility AND t.issued_at >= o.started_at AND t.issued_at < o.ended_at
                WHERE t.facility = ?1 AND (%s) GROUP BY o.id, t.channel""").getResultList();
        Map<Long, Map<Channel, Long>> counts = new HashMap<>();
        for (Object[] r : rows) {
            counts.computeIfAbsent(((Number) r[0]).longValue(), id -> new EnumMap<>(Channel.class))
                    .put(Channel.valueOf((String) r[1]), ((Number) r[2]).longValue());
        }
        return counts;
    }

    /** Only offline kiosk tokens are read, and only those inside the periods. */
    private Map<Long, Long> reservationUnknown(List<Outage> outages) {
        if (outages.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = inPeriods(outages, """
                SELECT o.id, COUNT(*) FROM token t
                JOIN outage o ON o.facility = t.facility AND t.issued_at >= o.started_at AND t.issued_at < o.ended_at
                WHERE t.facility = ?1 AND t.channel = 'OFFLINE_KIOSK' AND t.reservation_unknown AND (%s)
                GROUP BY o.id""").getResultList();
        return rows.stream().collect(Collectors.toMap(r -> ((Number) r[0]).longValue(), r -> ((Number) r[1]).longValue()));
    }

    /** The query with the periods' issue-time ranges put in for %s and bound from ?2 on (?1 is the facility). */
    private Query inPeriods(List<Outage> outages, String sql) {
        String periods = IntStream.range(0, outages.size())
                .mapToObj(i -> "(t.issued_at >= ?" + (2 * i + 2) + " AND t.issued_at < ?" + (2 * i + 3) + ")")
                .collect(Collectors.joining(" OR "));
        Query query = em.createNativeQuery(sql.formatted(periods)).setParameter(1, facility.code());
        for (int i = 0; i < outages.size(); i++) {
            query.setParameter(2 * i + 2, outages.get(i).startedAt).setParameter(2 * i + 3, outages.get(i).endedAt);
        }
        return query;
    }

    private static Period period(Outage o, Map<Channel, Long> counted, long reservationUnknown) {
        Map<Channel, Long> tokens = new EnumMap<>(Channel.class);
        for (Channel c : Channel.values()) {
            tokens.put(c, counted.getOrDefault(c, 0L));
        }
        long total = tokens.values().stream().mapToLong(Long::longValue).sum();
        return new Period(o.id, o.kind, o.startedAt, o.endedAt, Duration.between(o.startedAt, o.endedAt).toSeconds(), o.cause,
                o.relayedCalls, tokens, total, reservationUnknown, o.nodeNames());
    }
}
