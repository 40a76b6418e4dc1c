package org.opdqueue.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.opdqueue.common.Facility;
import org.opdqueue.journal.Journaled;

/**
 * Today's figures, measured once per position of the journal instead of once per request: reading a busy day's tokens
 * and journal entries takes about half a second, and every page, range and estimate that includes today asks for them.
 * <p>
 * The position is this server's count of committed journal entries together with the journal's last {@code seq}
 * (which also moves for another server's commits). Kept figures are served
 * <ul>
 * <li>while the position has not moved, for at most {@link #UNCHANGED} (what the position cannot show: a commit
 * on another server that took a lower seq than one already seen, or a hand edit);</li>
 * <li>when it has moved, for {@link #RECENT} after they were measured: a busy OPD moves the journal several
 * times a second, and today is measured at most once a second;</li>
 * <li>while another request is measuring, for at most {@link #WHILE_MEASURED}: nobody waits for a measure when
 * figures a few seconds old are there.</li>
 * </ul>
 * Age is by the hospital clock, from when a measure began: a clock set back (a test's) measures again, and the
 * open periods of the day (a counter still open) end at most 30 seconds before now while nothing moves.
 */
@ApplicationScoped
public class TodayFigures {

    static final Duration RECENT = Duration.ofSeconds(1);
    static final Duration WHILE_MEASURED = Duration.ofSeconds(5);
    static final Duration UNCHANGED = Duration.ofSeconds(30);

    private record Kept(LocalDate day, long changes, long lastSeq, Instant measuredFrom, DayFigures figures) {
    }

    private final DailyRollups rollups;
    private final ReportDay days;
    private final Facility facility;
    private final EntityManager em;
    private final AtomicLong changes = new AtomicLong();
    private final AtomicLong measures = new AtomicLong();
    private final ReentrantLock measuring = new ReentrantLock();
    private volatile Kept kept;

    public TodayFigures(DailyRollups rollups, ReportDay days, Facility facility, EntityManager em) {
        this.rollups = rollups;
        this.days = days;
        this.facility = facility;
        this.em = em;
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Journaled journaled) {
        changes.incrementAndGet();
    }

    /** Today's figures as of at most a second or two ago (see the class comment). */
    @Transactional // its own when a range asks, so measuring a busy day gets the reports' long timeout
    @ReportReads
    public DayFigures of(LocalDate today) {
        Instant arrived = days.now();
        long known = changes.get();
        long seq = lastSeq();
        Kept k = kept;
        if (k != null && k.day().equals(today)) {
            Duration age = Duration.between(k.measuredFrom(), arrived);
            boolean moved = k.changes() != known || k.lastSeq() != seq;
            boolean fresh = !age.isNegative();
            if (fresh && ((!moved && age.compareTo(UNCHANGED) < 0) || age.compareTo(RECENT) < 0)) {
                return k.figures();
            }
            if (fresh && age.compareTo(WHILE_MEASURED) < 0 && !measuring.tryLock()) {
                return k.figures();
            }
        }
        if (!measuring.isHeldByCurrentThread()) {
            measuring.lock();
        }
        try {
            Kept now = kept;
            if (now != null && now.day().equals(today) && !now.measuredFrom().isBefore(arrived)) {
                return now.figures(); // measured by the request this one waited for, begun after this one arrived
            }
            long before = changes.get();
            long seqBefore = lastSeq();
            Instant from = days.now();
            DayFigures figures = rollups.measure(today);
            measures.incrementAndGet();
            kept = new Kept(today, before, seqBefore, from, figures);
            return figures;
        } finally {
            measuring.unlock();
        }
    }

    /** How many times today has been measured since start (for tests: a read without a change measures nothing). */
    long measures() {
        return measures.get();
    }

    private long lastSeq() {
        Object max = em.createNativeQuery("SELECT MAX(seq) FROM journal_entry WHERE facility = ?1")
                .setParameter(1, facility.code()).getSingleResult();
        return max == null ? 0 : ((Number) max).longValue();
    }
}
