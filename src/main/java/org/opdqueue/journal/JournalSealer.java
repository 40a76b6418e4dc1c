package org.opdqueue.journal;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import org.opdqueue.common.OpdConfig;
import org.opdqueue.common.RowBinder;
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
                "SELECT seq, chain_hash FROM journal_seal ORDER BY seq DESC LIMIT 1")
                .getResultList();
        return last.isEmpty() ? new Head(0, JournalHashes.GENESIS, false, 0)
                : new Head(((Number) last.get(0)[0]).longValue(), (String) last.get(0)[1], true, 0);
    }

    /** An entry as the sealer needs it: its seq, the content hash written with it, and the chain hash it gets. */
    private static final class Link {
        final long seq;
        final String content;
        String chain;

        Link(long seq, String content) {
            this.seq = seq;
            this.content = content;
        }
    }

    private Head sealAfter(Head head) {
        List<Link> next = next(head.seq());
        List<Link> sealed = new ArrayList<>();
        long seq = head.seq();
        String chain = head.chain();
        for (Link e : next) {
            if ((head.any() || !sealed.isEmpty()) && e.seq != seq + 1 && !holeWaitedOut(e.seq)) {
                break;
            }
            chain = JournalHashes.chain(chain, e.seq, e.content);
            e.chain = chain;
            sealed.add(e);
            seq = e.seq;
        }
        write(sealed);
        return new Head(seq, chain, head.any() || !sealed.isEmpty(), head.count() + sealed.size());
    }

    /**
     * The entries after a seq with their content hashes as written. Reading only the stored hash, not every field to
     * hash them again, gives the same chain: the verifier recomputes each content hash and fails an entry whose fields
     * do not match it before it looks at the chain. Only an entry from before the hashes (V20) has none and is read
     * whole.
     */
    private List<Link> next(long after) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT seq, content_hash FROM journal_entry WHERE seq > ?1 ORDER BY seq LIMIT " + BATCH)
                .setParameter(1, after).getResultList();
        List<Long> unhashed = rows.stream().filter(r -> r[1] == null).map(r -> ((Number) r[0]).longValue()).toList();
        Map<Long, String> hashedNow = new HashMap<>();
        if (!unhashed.isEmpty()) {
            // read-only and without a flush first: no copy kept for a dirty check (the hashes are written by SQL below)
            em.createQuery("from JournalEntry where seq in ?1", JournalEntry.class).setParameter(1, unhashed)
                    .setHint(HibernateHints.HINT_READ_ONLY, true).setHint(HibernateHints.HINT_FLUSH_MODE, FlushMode.MANUAL)
                    .getResultList().forEach(e -> hashedNow.put(e.seq, JournalHashes.content(e)));
        }
        List<Link> links = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            long seq = ((Number) r[0]).longValue();
            links.add(new Link(seq, r[1] != null ? (String) r[1] : hashedNow.get(seq)));
        }
        return links;
    }

    private boolean holeWaitedOut(long seq) {
        if (waitingSeq != seq) {
            waitingSeq = seq;
            waitingSince = System.nanoTime();
            return false;
        }
        return System.nanoTime() - waitingSince >= gapAfter.toNanos();
    }

    /** Chain hashes written by one INSERT. */
    static final int PER_STATEMENT = 100;

    /**
     * One multi-row INSERT into {@code journal_seal} per {@link #PER_STATEMENT} entries, not one per entry: under
     * steady issuing the sealer would write as many statements as the issues themselves. Until V43 it updated the
     * journal's own rows, rewriting each whole row for one hash. IGNORE: another node sealing the same entries at the
     * same time writes the same hashes, and the first one stays.
     */
    private void write(List<Link> sealed) {
        for (int from = 0; from < sealed.size(); from += PER_STATEMENT) {
            writeRun(sealed.subList(from, Math.min(sealed.size(), from + PER_STATEMENT)));
        }
    }

    private void writeRun(List<Link> sealed) {
        String sql = RowBinder.insertIgnore("journal_seal", "seq, chain_hash", sealed.size());
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement insert = c.prepareStatement(sql)) {
                RowBinder row = new RowBinder(insert);
                for (Link e : sealed) {
                    row.number(e.seq).string(e.chain);
                }
                insert.executeUpdate();
            }
        });
    }
}
