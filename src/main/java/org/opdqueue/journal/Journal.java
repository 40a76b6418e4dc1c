package org.opdqueue.journal;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;

/**
 * Appends entries in the caller's transaction and announces them ({@link Journaled}) to in-process listeners
 * (display boards) only after that transaction commits, so nobody sees a change that was rolled back.
 * Commands append last, just before commit, to keep the window between taking a seq and committing it small.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Journal {

    private final Facility facility;
    private final HospitalClock clock;
    private final Event<Journaled> committed;

    public Journal(Facility facility, HospitalClock clock, Event<Journaled> committed) {
        this.facility = facility;
        this.clock = clock;
        this.committed = committed;
    }

    public JournalEntry append(JournalEventType type, JournalEntryBuilder details) {
        return appendAll(type, List.of(details)).get(0);
    }

    /**
     * Entries of one command that changed many things at once (a batch of issues), in order: one flush for all of
     * them, where appending each alone would flush the whole persistence context once per entry, and one insert.
     * The entries are not kept in the persistence context (nothing changes an entry once written).
     */
    public List<JournalEntry> appendAll(JournalEventType type, List<JournalEntryBuilder> details) {
        JournalEntry.flush(); // the change itself first, so the entries are the transaction's last writes
        List<JournalEntry> entries = new ArrayList<>(details.size());
        for (JournalEntryBuilder d : details) {
            JournalEntry entry = d.build();
            entry.facility = facility.code();
            entry.type = type;
            entry.occurredAt = clock.now();
            entry.businessDay = clock.businessDayOf(entry.occurredAt);
            entry.contentHash = JournalHashes.content(entry);
            entries.add(entry);
        }
        List<WaitingCounts.Move> moves = details.stream().map(JournalEntryBuilder::move).filter(m -> m != null).toList();
        // one INSERT for them all, in their order (see JournalEntryRows); the waiting counts with them
        JournalEntry.getEntityManager().unwrap(Session.class).doWork(c -> {
            JournalEntryRows.insert(c, entries);
            if (!moves.isEmpty()) {
                WaitingCounts.apply(c, facility.code(), moves);
            }
        });
        // Observed AFTER_SUCCESS (DisplayFeed.committed): boards hear of an entry only once this transaction commits.
        committed.fire(new Journaled(entries));
        return entries;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<JournalEntry> since(long seq, int limit) {
        return JournalEntry.find("facility = ?1 and seq > ?2 order by seq", facility.code(), seq)
                .page(0, limit).list();
    }

    /** Where an entry stands in the journal, without its content. */
    public record Stamp(long seq, java.time.Instant occurredAt) {
        public static Stamp of(JournalEntry entry) {
            return new Stamp(entry.seq, entry.occurredAt);
        }
    }

    /** What {@link #since} gives, seq and time only: for a reader that only moves its cursor (nothing is loaded). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Stamp> stampsSince(long seq, int limit) {
        return stamps("j.seq > ?2", seq, limit);
    }

    /** What {@link #among} gives, seq and time only: which of these seqs are committed now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Stamp> stampsAmong(java.util.Collection<Long> seqs) {
        return seqs.isEmpty() ? List.of() : stamps("j.seq in ?2", seqs, seqs.size());
    }

    /** Seq and time of this facility's entries that {@code where} picks ({@code value} is its ?2), in seq order. */
    private List<Stamp> stamps(String where, Object value, int limit) {
        return JournalEntry.getEntityManager()
                .createQuery("select j.seq, j.occurredAt from JournalEntry j where j.facility = ?1 and " + where
                        + " order by j.seq", Object[].class)
                .setParameter(1, facility.code()).setParameter(2, value).setMaxResults(limit).getResultList().stream()
                .map(r -> new Stamp((Long) r[0], (java.time.Instant) r[1])).toList();
    }

    /** Those of these seqs that are committed (read again for a seq that was taken but not yet committed). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<JournalEntry> among(java.util.Collection<Long> seqs) {
        return seqs.isEmpty() ? List.of()
                : JournalEntry.<JournalEntry>find("facility = ?1 and seq in ?2 order by seq", facility.code(), seqs).list();
    }

    /**
     * The seqs among the {@code window} up to {@code upTo} that no committed entry holds, as this transaction reads
     * them: taken by a transaction still open (it may commit after a reader took {@code upTo} as its high mark), or
     * by one rolled back, which never will. Any facility's entry counts as present (seqs are shared).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Long> openBelow(long upTo, int window) {
        long from = Math.max(0, upTo - window);
        List<Long> present = JournalEntry.getEntityManager()
                .createQuery("select j.seq from JournalEntry j where j.seq > ?1 and j.seq <= ?2 order by j.seq", Long.class)
                .setParameter(1, from).setParameter(2, upTo).getResultList();
        List<Long> open = new ArrayList<>();
        long next = from + 1;
        for (long seq : present) {
            for (; next < seq; next++) {
                open.add(next);
            }
            next = seq + 1;
        }
        return open;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long lastSeq() {
        Long last = JournalEntry.getEntityManager()
                .createQuery("select max(j.seq) from JournalEntry j where j.facility = ?1", Long.class)
                .setParameter(1, facility.code()).getSingleResult();
        return last == null ? 0 : last;
    }
}
