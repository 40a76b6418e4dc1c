package org.opdqueue.journal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.ScrollMode;
import org.hibernate.ScrollableResults;
import org.hibernate.Session;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Reads the whole journal in seq order, in one statement (so one consistent view, while entries keep being
 * appended and sealed), recomputes each entry's content hash and each sealed entry's link, and stops at the first
 * that does not match.
 */
@ApplicationScoped
public class JournalVerifier {

    /** A year of a large OPD is a few million entries: minutes, more than a transaction is usually given. */
    private static final int TIMEOUT_SECONDS = 3600;

    private final EntityManager em;

    public JournalVerifier(EntityManager em) {
        this.em = em;
    }

    public JournalVerification verify() {
        return QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).call(this::check);
    }

    private JournalVerification check() {
        Session session = em.unwrap(Session.class);
        long entries = 0;
        long sealed = 0;
        Long headSeq = null;
        String head = JournalHashes.GENESIS;
        Long firstUnsealed = null;
        boolean hashedBefore = false;
        try (ScrollableResults<JournalEntry> rows = session.createSelectionQuery("from JournalEntry order by seq",
                JournalEntry.class).setReadOnly(true).setFetchSize(1000).scroll(ScrollMode.FORWARD_ONLY)) {
            while (rows.next()) {
                JournalEntry e = rows.get();
                entries++;
                String content = JournalHashes.content(e);
                String problem = null;
                if (e.contentHash == null && hashedBefore) {
                    problem = "it has no content hash though the entries before it have: it was not written by the "
                            + "application";
                } else if (e.contentHash != null && !e.contentHash.equals(content)) {
                    problem = "its fields do not match its content hash: the entry or the hash was changed";
                } else if (e.chainHash != null && firstUnsealed != null) {
                    return JournalVerification.broken(entries, sealed, firstUnsealed, "it is not sealed though a later "
                            + "entry (seq " + e.seq + ") is: it was slipped in afterwards, or its chain hash removed",
                            headSeq, headSeq == null ? null : head);
                } else if (e.chainHash != null && !e.chainHash.equals(JournalHashes.chain(head, e.seq, content))) {
                    problem = "its chain hash does not follow from the entry before it ("
                            + (headSeq == null ? "none" : "seq " + headSeq) + "): an entry between them was removed, "
                            + "or this chain hash was changed";
                }
                if (problem != null) {
                    return JournalVerification.broken(entries, sealed, e.seq, problem, headSeq,
                            headSeq == null ? null : head);
                }
                hashedBefore |= e.contentHash != null;
                if (e.chainHash == null) {
                    firstUnsealed = firstUnsealed == null ? e.seq : firstUnsealed;
                } else {
                    sealed++;
                    head = e.chainHash;
                    headSeq = e.seq;
                }
                if (entries % 1000 == 0) {
                    session.clear();
                }
            }
        }
        return JournalVerification.ok(entries, sealed, headSeq, headSeq == null ? null : head);
    }
}
