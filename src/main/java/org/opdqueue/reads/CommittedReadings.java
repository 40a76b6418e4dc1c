package org.opdqueue.reads;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.opdqueue.common.HospitalClock;
import org.opdqueue.journal.JournalEventType;
import org.opdqueue.journal.Journaled;
import org.opdqueue.status.SystemMode;

/**
 * The answers every kiosk, board and console polls ({@code /api/services}, {@code /api/counters},
 * {@code /api/display/{id}}, {@code /api/queues/{code}}), kept in memory between changes instead of read from the
 * database for each request. One reading per key is made at a time; every reader that arrived before it started
 * shares it, so a thousand polls after a change cost one read.
 * <p>
 * What makes a reading unusable (it is read again by the next request that wants it):
 * <ul>
 * <li>any journal entry this server commits (an issue, call, transfer, counter opened, set-up imported ...): all
 * readings. The entry is delivered after commit on the committing thread, before the command answers, so a client
 * sees its own change in the very next read;</li>
 * <li>a mode change (the database lost or back, a restore): all readings, so an outage's end is read afresh;</li>
 * <li>{@link #forget()}: set-up edits that write no journal entry (the admin service and counter forms, through
 * {@code DisplaySnapshots.forgetNames}); a board form's edit shows by age, below;</li>
 * <li>a new business day: readings of another day;</li>
 * <li>age: a reading is used for at most {@link #FRESH_NANOS} after it began, so what this server cannot hear of
 * (a second server's commits, a hand edit in the database, wait estimates that move with time) shows within a
 * second.</li>
 * </ul>
 * Nothing is kept at start: the first request after start-up (or after any of the above) makes the reading.
 */
@ApplicationScoped
public class CommittedReadings {

    /** The most a reading may lag behind what this server did not commit itself. */
    public static final long FRESH_NANOS = 1_000_000_000L;
    private static final int STRIPES = 64;

    private record Reading(long changesBefore, long startedAt, long finishedAt, LocalDate day, Object value) {
    }

    private final HospitalClock clock;
    private final TransactionSynchronizationRegistry transactions;
    private final ObjectMapper json;
    private final AtomicLong changes = new AtomicLong();
    /** Only what was read without failing is kept: an unknown service or board stores nothing. */
    private final Map<String, Reading> readings = new ConcurrentHashMap<>();
    /** Set-up changes only (see {@link #setUp}), counted apart from {@link #changes}, which every issue moves. */
    private final AtomicLong setUpChanges = new AtomicLong();
    private final Map<String, Reading> setUpReadings = new ConcurrentHashMap<>();
    private final Object[] locks = new Object[STRIPES];

    /** {@code json}: the mapper the REST layer writes answers with, so a kept answer reads as a fresh one would. */
    public CommittedReadings(HospitalClock clock, TransactionSynchronizationRegistry transactions, ObjectMapper json) {
        this.clock = clock;
        this.transactions = transactions;
        this.json = json;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Journaled journaled) {
        changes.incrementAndGet();
        if (journaled.any(JournalEventType.SETUP_CHANGED)) {
            setUpChanges.incrementAndGet();
        }
    }

    void modeChanged(@Observes SystemMode.State state) {
        changes.incrementAndGet();
        setUpChanges.incrementAndGet();
    }

    /**
     * Every reading made so far is read again when next wanted. Called inside a transaction, again once it ended:
     * a reading made meanwhile could not see the change yet.
     */
    public void forget() {
        changes.incrementAndGet();
        setUpChanges.incrementAndGet();
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    changes.incrementAndGet();
                    setUpChanges.incrementAndGet();
                }
            });
        }
    }

    /**
     * The reading of {@code key}, made after every change this server committed before the call. {@code read} must
     * not ask for another reading: readings are made under striped locks that are never nested.
     */
    public <T> T get(String key, Supplier<T> read) {
        return get(readings, changes, key, read);
    }

    /**
     * As {@link #get}, for set-up the issue path looks up (a service or category by code): kept across issues and
     * calls, read again only after a set-up change ({@link #forget()}, a {@code SETUP_CHANGED} journal entry, a mode
     * change), on a new day, or by age (a second server's edit). {@code read} runs in the caller's transaction; what
     * it returns is shared by every thread and must only be read.
     */
    public <T> T setUp(String key, Supplier<T> read) {
        return get(setUpReadings, setUpChanges, key, read);
    }

    @SuppressWarnings("unchecked")
    private <T> T get(Map<String, Reading> readings, AtomicLong changes, String key, Supplier<T> read) {
        long known = changes.get();
        long arrived = System.nanoTime();
        LocalDate day = clock.businessDay();
        Reading r = readings.get(key);
        if (usable(r, known, day, arrived)) {
            return (T) r.value();
        }
        synchronized (locks[Math.floorMod(key.hashCode(), STRIPES)]) {
            r = readings.get(key);
            if (usable(r, known, day, arrived)) {
                return (T) r.value();
            }
            long before = changes.get();
            long startedAt = System.nanoTime();
            T value = read.get();
            readings.put(key, new Reading(before, startedAt, System.nanoTime(), day, value));
            return value;
        }
    }

    /**
     * As {@link #get}, the reading written as the API's JSON once, when it is made: the thousands of polls between two
     * changes are answered with the same bytes, without writing JSON for each.
     */
    public byte[] json(String key, Supplier<?> read) {
        return get(key, () -> {
            try {
                return json.writeValueAsBytes(read.get());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
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
