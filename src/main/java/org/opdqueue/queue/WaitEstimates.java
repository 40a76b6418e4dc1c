package org.opdqueue.queue;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.opdqueue.common.HospitalClock;
import org.opdqueue.common.OpdConfig;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.token.PlacesAtIssue;
import org.opdqueue.token.Token;
import org.opdqueue.token.TokenStatus;

/**
 * People ahead and estimated wait: people ahead at the rate the service's queue was called in the last half hour, or
 * recent service times divided among the open counters early in the day ({@link WaitEstimator}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class WaitEstimates implements PlacesAtIssue {

    public record Position(long peopleAhead, long estimatedWaitMinutes) {
        static final Position NOT_WAITING = new Position(0, 0);
    }

    /** What the estimate goes by for one service, reused for a few seconds. */
    private record Load(WaitEstimator.Load load, Instant readAt) {
        int openCounters() {
            return load.openCounters();
        }
    }

    private final EntityManager em;
    private final HospitalClock clock;
    private final OpdConfig.Queue config;
    private final QueueReads reads;
    private final Map<Long, Load> loads = new ConcurrentHashMap<>();

    public WaitEstimates(EntityManager em, HospitalClock clock, OpdConfig config, QueueReads reads) {
        this.em = em;
        this.clock = clock;
        this.config = config.queue();
        this.reads = reads;
    }

    public Position positionOf(Token token, ServicePoint service) {
        if (token.status != TokenStatus.WAITING) {
            return Position.NOT_WAITING;
        }
        return positionOf(token, service, reads.around(token, service), reads.policyOf(service));
    }

    private Position positionOf(Token token, ServicePoint service, QueueReads.Around around, CallPolicy policy) {
        long priorityAhead = around.priorityAhead();
        long generalAhead = around.generalAhead();
        long priorityWaiting = around.priorityWaiting();
        long generalWaiting = around.generalWaiting();
        long ahead;
        if (!policy.hasPriorityLane()) {
            ahead = priorityAhead + generalAhead;
        } else if (token.priorityLane) {
            ahead = policy.peopleAhead(true, priorityAhead, generalWaiting);
        } else {
            ahead = policy.peopleAhead(false, generalAhead, priorityWaiting);
        }
        return new Position(ahead, waitMinutes(service, ahead));
    }

    /**
     * New tokens' places from one read of the queue as it stands before them (and the call policy): as
     * {@link #positionOf} would count each just after the commit, the batch's other tokens included.
     */
    @Override
    public List<Place> placesOf(ServicePoint service, List<Token> fresh) {
        Token first = fresh.get(0);
        QueueReads.Newcomer newcomer = reads.newcomer(service, first.businessDay, first.queuedAt);
        QueueReads.Around before = newcomer.around();
        CallPolicy policy = newcomer.policy();
        long freshPriority = fresh.stream().filter(t -> t.priorityLane).count();
        long freshGeneral = fresh.size() - freshPriority;
        long priorityBefore = 0;
        long generalBefore = 0;
        List<Place> places = new ArrayList<>(fresh.size());
        for (Token t : fresh) {
            QueueReads.Around around = new QueueReads.Around(before.priorityAhead() + priorityBefore,
                    before.generalAhead() + generalBefore,
                    before.priorityWaiting() + freshPriority - (t.priorityLane ? 1 : 0),
                    before.generalWaiting() + freshGeneral - (t.priorityLane ? 0 : 1));
            Position position = positionOf(t, service, around, policy);
            places.add(new Place(position.peopleAhead(), position.estimatedWaitMinutes()));
            if (t.priorityLane) {
                priorityBefore++;
            } else {
                generalBefore++;
            }
        }
        return places;
    }

    /** The wait a patient who takes a token now would face. */
    public long waitForNewcomer(ServicePoint service, long waiting) {
        return waitMinutes(service, waiting);
    }

    public int openCounters(ServicePoint service) {
        return load(service).openCounters();
    }

    private long waitMinutes(ServicePoint service, long ahead) {
        return WaitEstimator.CHOSEN.minutes(ahead, load(service).load());
    }

    private Load load(ServicePoint service) {
        Instant now = clock.now();
        Load cached = loads.get(service.id);
        if (cached != null && cached.readAt().plus(config.serviceTimeCacheFor()).isAfter(now)) {
            return cached;
        }
        Load fresh = new Load(calls(service, averageService(service), countOpenCounters(service), now), now);
        loads.put(service.id, fresh);
        return fresh;
    }

    private Duration averageService(ServicePoint service) {
        @SuppressWarnings("unchecked")
        List<Number> seconds = em.createNativeQuery("""
                SELECT TIMESTAMPDIFF(SECOND, started_at, completed_at) FROM token
                WHERE facility = ?1 AND service_id = ?2 AND business_day = ?3 AND status = 'COMPLETED'
                  AND started_at IS NOT NULL
                ORDER BY completed_at DESC LIMIT ?4
                """)
                .setParameter(1, service.facility).setParameter(2, service.id)
                .setParameter(3, clock.businessDay()).setParameter(4, config.recentServiceSample())
                .getResultList();
        if (seconds.isEmpty()) {
            return Duration.ofSeconds(service.defaultServiceSeconds);
        }
        double average = seconds.stream().mapToLong(Number::longValue).average().orElse(service.defaultServiceSeconds);
        return Duration.ofSeconds(Math.max(30, Math.round(average)));
    }

    /**
     * Calls within the window (a token called again, as after a no-show, counts once), and how much of the window the
     * service has been calling: since its first call today, at most the window.
     */
    private WaitEstimator.Load calls(ServicePoint service, Duration averageService, int openCounters, Instant now) {
        Object[] row = (Object[]) em.createNativeQuery("""
                SELECT COALESCE(SUM(CASE WHEN called_at > ?4 THEN 1 ELSE 0 END), 0), MIN(called_at) FROM token
                WHERE facility = ?1 AND service_id = ?2 AND business_day = ?3 AND called_at IS NOT NULL
                """).setParameter(1, service.facility).setParameter(2, service.id).setParameter(3, clock.businessDay())
                .setParameter(4, now.minus(WaitEstimator.WINDOW)).getSingleResult();
        Duration calledFor = Duration.ZERO;
        if (row[1] != null) {
            Instant first = row[1] instanceof Timestamp ts ? ts.toInstant() : row[1] instanceof Instant i ? i
                    : Timestamp.valueOf((LocalDateTime) row[1]).toInstant();
            Duration d = Duration.between(first, now);
            calledFor = d.isNegative() ? Duration.ZERO : d.compareTo(WaitEstimator.WINDOW) > 0 ? WaitEstimator.WINDOW : d;
        }
        return new WaitEstimator.Load(averageService, openCounters, ((Number) row[0]).intValue(), calledFor);
    }

    private int countOpenCounters(ServicePoint service) {
        Number open = (Number) em.createNativeQuery("""
                SELECT COUNT(*) FROM counter c JOIN counter_service cs ON cs.counter_id = c.id
                WHERE cs.service_id = ?1 AND c.state = 'OPEN'
                """).setParameter(1, service.id).getSingleResult();
        return open.intValue();
    }
}
