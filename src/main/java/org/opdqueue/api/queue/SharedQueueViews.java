package org.opdqueue.api.queue;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.opdqueue.common.HospitalClock;
import org.opdqueue.journal.JournalEntry;

/**
 * Anonymous reads of a queue are answered from one shared reading per service. 120 clients polling a long queue
 * each used to hold a pooled connection for a large query, took the whole pool and left the hospital's own work
 * waiting; now one reading per service is made at a time and every reader that arrived before it started shares
 * it. A reading is reused for at most a second, within its business day, and never after a change this server
 * committed since (any journal entry), so a client sees its own issue at once.
 */
@ApplicationScoped
public class SharedQueueViews {

    static final long FRESH_NANOS = 1_000_000_000L;
    private static final int STRIPES = 64;

    private record Reading(long changesBefore, long startedAt, long finishedAt, LocalDate day, QueueView view) {
    }

    private final HospitalClock clock;

    private final AtomicLong changes = new AtomicLong();
    /** Only services that exist are kept: a made-up code finds no service and stores nothing. */
    private final Map<String, Reading> readings = new ConcurrentHashMap<>();
    private final Object[] locks = new Object[STRIPES];

    public SharedQueueViews(HospitalClock clock) {
        this.clock = clock;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) JournalEntry entry) {
        changes.incrementAndGet();
    }

    /** The service's queue as read after every change this server committed before the call. */
    QueueView of(String serviceCode, Supplier<QueueView> read) {
        long known = changes.get();
        long arrived = System.nanoTime();
        LocalDate day = clock.businessDay();
        Reading r = readings.get(serviceCode);
        if (usable(r, known, day, arrived)) {
            return r.view();
        }
        // one reading per service at a time; those who waited for it use the one made after they came
        synchronized (locks[Math.floorMod(serviceCode.hashCode(), STRIPES)]) {
            r = readings.get(serviceCode);
            if (usable(r, known, day, arrived)) {
                return r.view();
            }
            long before = changes.get();
            long startedAt = System.nanoTime();
            QueueView view = read.get();
            readings.put(serviceCode, new Reading(before, startedAt, System.nanoTime(), day, view));
            return view;
        }
    }

    /**
     * Made after every change this server committed before the caller came, and either begun less than a second ago
     * or finished after the caller came (a slow reading is not made again for each reader that waited for it).
     */
    private static boolean usable(Reading r, long known, LocalDate day, long arrived) {
        return r != null && r.changesBefore() >= known && r.day().equals(day)
                && (System.nanoTime() - r.startedAt() < FRESH_NANOS || r.finishedAt() - arrived >= 0);
    }
}
