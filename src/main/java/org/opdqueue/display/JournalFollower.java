package org.opdqueue.display;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.opdqueue.common.OpdConfig;
import org.opdqueue.journal.Journal;
import org.opdqueue.journal.JournalEntry;
import org.opdqueue.nodes.FanOut;
import org.opdqueue.status.SystemMode;

/**
 * Reads from the journal, in seq order, what any node committed, for the boards of this one: at every check
 * ({@code opd.redis.check-every}) and at once when another node hints that it committed ({@link FanOut}). This node's
 * own entries come to the feed faster (right after commit) and the feed tells them apart by seq.
 * <p>
 * A seq is taken at insert and commit order may differ, so a seq passed over is asked for again at every check until
 * it is committed, or has stayed open longer than any transaction can ({@code opd.journal.seal-gap-after}, as for
 * the sealer; a rolled-back append leaves it open for good): a call that another node commits late still arrives.
 * <p>
 * It reads seqs first and loads only the entries this node did not commit itself: the feed has those already, from
 * {@link DisplayFeed#committed}, which tells the follower ({@link #committedHere}). On one node that is every entry,
 * so under load it no longer reads each token's journal entry back in full (43 columns, as an entity).
 */
@ApplicationScoped
class JournalFollower {

    private static final Logger LOG = Logger.getLogger(JournalFollower.class);
    static final int BATCH = 500;
    /** Open seqs asked for at most: far more than transactions in flight at once. */
    static final int MAX_GAPS = 1000;

    private final Journal journal;
    private final SystemMode mode;
    private final long checkEveryMillis;
    private final long gapAfterNanos;
    private final Semaphore wake = new Semaphore(0);
    /** Open seqs below {@link #high}, each with when (nanoTime) it was passed over. Only the follower's thread. */
    private final Map<Long, Long> gaps = new LinkedHashMap<>();
    /** The highest seq read; -1 until the journal's end was read at start. */
    private long high = -1;
    /** The lowest seq that may still come, as last told to the feed. Only the follower's thread. */
    private long toldTo = -1;
    /**
     * Seqs committed by this node that the follower has not come to yet (any thread adds, the follower removes). Past
     * {@link #MAX_COMMITTED_HERE} it is emptied: the follower then loads those entries as well, as before.
     */
    private final Set<Long> committedHere = ConcurrentHashMap.newKeySet();
    static final int MAX_COMMITTED_HERE = 100_000;
    private volatile boolean running;

    JournalFollower(Journal journal, SystemMode mode, OpdConfig config) {
        this.journal = journal;
        this.mode = mode;
        this.checkEveryMillis = config.redis().checkEvery().toMillis();
        this.gapAfterNanos = config.journal().sealGapAfter().toNanos();
    }

    /**
     * Starts reading; {@code found} gets the entries read, in seq order, and the lowest seq that may still come
     * after them (an open one, or the next).
     */
    void start(BiConsumer<List<JournalEntry>, Long> found) {
        running = true;
        Thread thread = new Thread(() -> run(found), "journal-follower");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        running = false;
        wake.release();
    }

    void hinted(@Observes FanOut.JournalHint hint) {
        wake.release();
    }

    /** Entries this node committed and gave the feed itself: the follower passes over their seqs without loading them. */
    void committedHere(List<JournalEntry> entries) {
        if (committedHere.size() > MAX_COMMITTED_HERE) {
            committedHere.clear(); // the follower is not reading (the database away, or stopped)
        }
        entries.forEach(e -> committedHere.add(e.seq));
    }

    private void run(BiConsumer<List<JournalEntry>, Long> found) {
        while (running) {
            try {
                wake.tryAcquire(checkEveryMillis, TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (!running || mode.degraded()) {
                continue; // the mode's own probe finds the database back; a failed read here must not flip it
            }
            List<Read> read = new ArrayList<>(1);
            try {
                QuarkusTransaction.requiringNew().run(() -> read.add(read()));
            } catch (RuntimeException e) {
                LOG.debugf("Journal not read this time (next check in %d ms): %s", checkEveryMillis, e.getMessage());
            }
            // a read-only transaction whose commit failed still read the truth, and the follower has moved past it
            if (read.isEmpty()) {
                continue;
            }
            long followedTo = gaps.isEmpty() ? high + 1 : gaps.keySet().iterator().next();
            if (!read.get(0).entries().isEmpty() || followedTo != toldTo) {
                found.accept(read.get(0).entries(), followedTo); // the feed forgets what it handled below followedTo
                toldTo = followedTo;
            }
            if (read.get(0).full()) {
                wake.release(); // more to read
            }
        }
    }

    /** The entries to hand on, and whether the read stopped at {@link #BATCH} (more may be there). */
    private record Read(List<JournalEntry> entries, boolean full) {
    }

    private Read read() {
        if (high < 0) {
            high = journal.lastSeq(); // what was committed before this node started, its boards read as snapshots
            return new Read(List.of(), false);
        }
        long now = System.nanoTime();
        // all three reads before any state moves: a read that fails leaves the follower where it was
        List<Journal.Stamp> nowCommitted = journal.stampsAmong(gaps.keySet());
        List<Journal.Stamp> newer = journal.stampsSince(high, BATCH);
        List<Long> wanted = new ArrayList<>();
        for (Journal.Stamp e : nowCommitted) {
            want(e.seq(), wanted);
        }
        for (Journal.Stamp e : newer) {
            want(e.seq(), wanted);
        }
        List<JournalEntry> found = wanted.isEmpty() ? new ArrayList<>() : new ArrayList<>(journal.among(wanted));
        for (Journal.Stamp e : nowCommitted) {
            gaps.remove(e.seq());
            committedHere.remove(e.seq());
        }
        for (Journal.Stamp e : newer) {
            for (long open = high + 1; open < e.seq() && gaps.size() < MAX_GAPS; open++) {
                gaps.put(open, now);
            }
            high = e.seq();
            committedHere.remove(e.seq());
        }
        for (Iterator<Long> since = gaps.values().iterator(); since.hasNext();) {
            if (now - since.next() > gapAfterNanos) {
                since.remove();
            }
        }
        long lowest = gaps.isEmpty() ? high + 1 : gaps.keySet().iterator().next();
        committedHere.removeIf(seq -> seq < lowest); // committed here after the follower had read it
        found.sort(Comparator.comparingLong(e -> e.seq));
        return new Read(found, newer.size() >= BATCH);
    }

    /** Another node's entry (or this node's, read before its commit was told): to be loaded and handed on. */
    private void want(long seq, List<Long> wanted) {
        if (!committedHere.contains(seq)) {
            wanted.add(seq);
        }
    }
}
