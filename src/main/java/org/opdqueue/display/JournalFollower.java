package org.opdqueue.display;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
            List<List<JournalEntry>> read = new ArrayList<>(1);
            try {
                QuarkusTransaction.requiringNew().run(() -> read.add(read()));
            } catch (RuntimeException e) {
                LOG.debugf("Journal not read this time (next check in %d ms): %s", checkEveryMillis, e.getMessage());
            }
            // a read-only transaction whose commit failed still read the truth, and the follower has moved past it
            if (!read.isEmpty() && !read.get(0).isEmpty()) {
                found.accept(read.get(0), gaps.isEmpty() ? high + 1 : gaps.keySet().iterator().next());
            }
            if (!read.isEmpty() && read.get(0).size() >= BATCH) {
                wake.release(); // more to read
            }
        }
    }

    private List<JournalEntry> read() {
        if (high < 0) {
            high = journal.lastSeq(); // what was committed before this node started, its boards read as snapshots
            return List.of();
        }
        long now = System.nanoTime();
        List<JournalEntry> found = new ArrayList<>(journal.among(gaps.keySet()));
        found.forEach(e -> gaps.remove(e.seq));
        List<JournalEntry> newer = journal.since(high, BATCH);
        for (JournalEntry e : newer) {
            for (long open = high + 1; open < e.seq && gaps.size() < MAX_GAPS; open++) {
                gaps.put(open, now);
            }
            high = e.seq;
        }
        found.addAll(newer);
        for (Iterator<Long> since = gaps.values().iterator(); since.hasNext();) {
            if (now - since.next() > gapAfterNanos) {
                since.remove();
            }
        }
        found.sort(Comparator.comparingLong(e -> e.seq));
        return found;
    }
}
