package org.opdqueue.failover;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.opdqueue.common.Facility;
import org.opdqueue.journal.Journal;
import org.opdqueue.journal.JournalEntryBuilder;
import org.opdqueue.journal.JournalEventType;

/**
 * Writes the journal entry of a change of database server. Apart from the change itself because that is made on a
 * connection the pool has not handed out yet, outside any transaction the journal could join.
 */
@ApplicationScoped
public class ServerChangeJournal {

    private static final Logger LOG = Logger.getLogger(ServerChangeJournal.class);

    private final EntityManager em;
    private final Journal journal;
    private final Facility facility;

    public ServerChangeJournal(EntityManager em, Journal journal, Facility facility) {
        this.em = em;
        this.journal = journal;
        this.facility = facility;
    }

    void writePending() {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                @SuppressWarnings("unchecked")
                List<Object[]> pending = em.createNativeQuery("""
                        SELECT previous_key, server_key, numbers_skipped FROM database_server
                        WHERE facility = ?1 AND NOT journaled FOR UPDATE""").setParameter(1, facility.code())
                        .getResultList();
                for (Object[] p : pending) {
                    journal.append(JournalEventType.DATABASE_PROMOTED, JournalEntryBuilder.system().actor("database")
                            .detail(truncated("database server " + p[1] + " in place of " + p[0]
                                    + ": today's online numbers and the paper numbers moved on by " + p[2]
                                    + ", each kiosk's offline numbers by " + ServerChange.KIOSK_NUMBERS_SKIPPED)));
                    em.createNativeQuery("UPDATE database_server SET journaled = TRUE WHERE facility = ?1")
                            .setParameter(1, facility.code()).executeUpdate();
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("The change of database server is not journaled yet (%s); it will be at the next start",
                    e.getMessage());
        }
    }

    /** The journal's detail column holds 255 characters; host names may be long. */
    private static String truncated(String detail) {
        return detail.length() <= 255 ? detail : detail.substring(0, 254) + "…";
    }
}
