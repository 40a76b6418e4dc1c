package org.opdqueue.journal;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import org.opdqueue.common.OpdConfig;
import org.opdqueue.status.SystemMode;

/**
 * Chains committed entries in seq order, shortly after they commit. Appending only writes an entry's own content
 * hash, so issuing never waits on the entry before it; this one thread links them up afterwards.
 * <p>
 * seq is given at insert, commit order may differ, and a rolled-back append leaves a hole: an entry is sealed only
 * once every seq before it has committed, or the hole has stayed open longer than any transaction can
 * ({@code opd.journal.seal-gap-after}). So a late commit never finds a sealed entry after it, and verification can
 * treat an unsealed entry below sealed ones as slipped in.
 */
@ApplicationScoped
public class JournalSealer {

    private static final Logger LOG = Logger.getLogger(JournalSealer.class);
    private static final int BATCH = 1000;

    private final EntityManager em;
    private final SystemMode mode;
    private final boolean enabled;
    private final Duration gapAfter;
    /** The entry just after an open hole in seq, and since when (System.nanoTime) it has waited on the hole. */
    private long waitingSeq = -1;
    private long waitingSince;

    public JournalSealer(EntityManager em, SystemMode mode, OpdConfig config) {
        this.em = em;
        this.mode = mode;
        this.enabled = config.journal().sealing();
        this.gapAfter = config.journal().sealGapAfter();
    }

    @Scheduled(every = "${opd.journal.seal-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        if (!enabled || mode.degraded()) {
            return;
        }
        try {
            seal();
        } catch (RuntimeException e) {
            LOG.debugf("Journal not sealed this time (next try in a second): %s", e.getMessage());
        }
    }

    /** Seals what can be sealed now; returns how many entries. Another node sealing at once writes the same hashes. */
    public synchronized long seal() {
        Head head = QuarkusTransaction.requiringNew().call(this::head);
        long total = 0;
        while (true) {
            Head from = head;
            Head reached = QuarkusTransaction.requiringNew().call(() -> sealAfter(from));
            total += reached.count() - from.count();
            if (reached.count() - from.count() < BATCH) {
                return total;
            }
            head = reached;
        }
    }

    /** The last sealed entry (none yet: seq 0 and the genesis), and how many this run has sealed. */
    private record Head(long seq, String chain, boolean any, long count) {
    }

    private Head head() {
        @SuppressWarnings("unchecked")
        List<Object[]> last = em.createNativeQuery(
                "SELECT seq, chain_hash FROM journal_entry WHERE chain_hash IS NOT NULL ORDER BY seq DESC LIMIT 1")
                .getResultList();
        return last.isEmpty() ? new Head(0, JournalHashes.GENESIS, false, 0)
                : new Head(((Number) last.get(0)[0]).longValue(), (String) last.get(0)[1], true, 0);
    }

    private Head sealAfter(Head head) {
        // read-only: no copy of each loaded entry kept for a dirty check at commit (the hashes are written below by SQL)
        List<JournalEntry> next = em.createQuery("from JournalEntry where seq > ?1 order by seq", JournalEntry.class)
                .setParameter(1, head.seq()).setMaxResults(BATCH).setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList();
        List<JournalEntry> sealed = new ArrayList<>();
        long seq = head.seq();
        String chain = head.chain();
        for (JournalEntry e : next) {
            if ((head.any() || !sealed.isEmpty()) && e.seq != seq + 1 && !holeWaitedOut(e.seq)) {
                break;
            }
            chain = JournalHashes.chain(chain, e.seq, JournalHashes.content(e));
            e.chainHash = chain;
            sealed.add(e);
            seq = e.seq;
        }
        write(sealed);
        return new Head(seq, chain, head.any() || !sealed.isEmpty(), head.count() + sealed.size());
    }

    private boolean holeWaitedOut(long seq) {
        if (waitingSeq != seq) {
            waitingSeq = seq;
            waitingSince = System.nanoTime();
            return false;
        }
        return System.nanoTime() - waitingSince >= gapAfter.toNanos();
    }

    private void write(List<JournalEntry> sealed) {
        if (sealed.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE journal_entry SET chain_hash = ? WHERE seq = ? AND chain_hash IS NULL")) {
                for (JournalEntry e : sealed) {
                    update.setString(1, e.chainHash);
                    update.setLong(2, e.seq);
                    update.addBatch();
                }
                update.executeBatch();
            }
        });
    }
}
