package org.opdqueue.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.counter.Counter;
import org.opdqueue.journal.Journal;
import org.opdqueue.journal.JournalEntry;
import org.opdqueue.journal.JournalEventType;
import org.opdqueue.queue.QueueReads;
import org.opdqueue.queue.WaitEstimates;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.token.Token;
import org.opdqueue.token.TokenStatus;

/**
 * Turns committed journal entries, read in {@code seq} order from a cursor every server of the hospital shares, into
 * deliveries. Read from the database, not heard on the committing thread, so a second server's calls are told too,
 * and nothing is lost across a restart. Each delivery is one row under a unique key (token, event, target): whichever
 * server reads an event first makes it, and any later reading of the same event (another server, a restart, the
 * same entries read again behind a gap) adds nothing.
 * <p>
 * "Turn near" is a matter of the queue as it is now, so it is judged afresh for each service an entry touched; a
 * call is told from its own entry. Nothing is read while the database is away.
 */
@ApplicationScoped
public class NotificationTrigger {

    private static final Logger LOG = Logger.getLogger(NotificationTrigger.class);

    /** Entries read at once. */
    static final int BATCH = 500;

    /**
     * A seq missing below committed ones is an append still committing, or one rolled back for good. The cursor waits
     * this long for it; the entries after it are read (and read again, adding nothing) meanwhile.
     */
    static final Duration GAP_PASSED_AFTER = Duration.ofSeconds(5);

    private final NotifyConfig config;
    private final NotifyRounds rounds;
    private final Journal journal;
    private final EntityManager em;
    private final Facility facility;
    private final HospitalClock clock;
    private final QueueReads queues;
    private final WaitEstimates estimates;
    private final NotifyPlaces places;
    private final Instance<NotificationSender> senders;
    private final ObjectMapper json;

    public NotificationTrigger(NotifyConfig config, NotifyRounds rounds, Journal journal, EntityManager em, Facility facility,
            HospitalClock clock, QueueReads queues, WaitEstimates estimates, NotifyPlaces places,
            Instance<NotificationSender> senders, ObjectMapper json) {
        this.config = config;
        this.rounds = rounds;
        this.journal = journal;
        this.em = em;
        this.facility = facility;
        this.clock = clock;
        this.queues = queues;
        this.estimates = estimates;
        this.places = places;
        this.senders = senders;
        this.json = json;
    }

    @Scheduled(every = "${opd.notify.every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        rounds.run(LOG, "Journal not read for notifications", this::readJournal);
    }

    /** Reads what was committed since the cursor and makes its deliveries; returns how many deliveries it made. */
    public synchronized int readJournal() {
        int made = 0;
        while (true) {
            int[] batch = QuarkusTransaction.requiringNew().call(this::readBatch);
            made += batch[0];
            if (batch[1] < BATCH || batch[2] == 0) {
                return made;
            }
        }
    }

    /**
     * One batch: {deliveries made, entries read, 1 if the cursor moved}. The cursor row is locked meanwhile, so servers
     * take turns.
     */
    private int[] readBatch() {
        long cursor = lockCursor();
        List<Journal.Stamp> stamps = journal.stampsSince(cursor, BATCH);
        if (stamps.isEmpty()) {
            return new int[] {0, 0, 0};
        }
        List<String> targets = targets();
        if (targets.isEmpty()) {
            // nobody to tell (no SMS gateway, no webhook): the cursor moves over the entries' seqs, none is loaded
            return new int[] {0, stamps.size(), advance(cursor, stamps) ? 1 : 0};
        }
        List<JournalEntry> entries = journal.since(cursor, BATCH);
        if (entries.isEmpty()) {
            return new int[] {0, 0, 0};
        }
        int made = 0;
        Map<Long, JournalEntry> touched = new LinkedHashMap<>();
        for (JournalEntry e : entries) {
            if (e.tokenId == null) {
                continue;
            }
            if (e.type == JournalEventType.CALLED && !e.outageReplay) {
                made += called(e, targets);
            }
            if (e.serviceId != null) {
                touched.put(e.serviceId, e);
            }
        }
        for (Map.Entry<Long, JournalEntry> t : touched.entrySet()) {
            made += turnNear(t.getKey(), t.getValue(), targets);
        }
        boolean moved = advance(cursor, entries.stream().map(Journal.Stamp::of).toList());
        return new int[] {made, entries.size(), moved ? 1 : 0};
    }

    private List<String> targets() {
        List<String> targets = new ArrayList<>();
        senders.forEach(s -> targets.addAll(s.targets()));
        return targets;
    }

    private int called(JournalEntry e, List<String> targets) {
        Token token = Token.findById(e.tokenId);
        if (token == null || !token.notifyConsent || token.patientMobile == null
                || !clock.businessDay().equals(token.businessDay)) {
            return 0;
        }
        ServicePoint service = ServicePoint.findById(token.serviceId);
        Counter counter = e.counterId == null ? null : Counter.findById(e.counterId);
        return make(token, NotifyEvent.CALLED, e.seq, targets, notice(token, NotifyEvent.CALLED, service, null, null,
                counter, e.occurredAt));
    }

    /** Every consenting patient now within the service's number of places gets one "turn near". */
    private int turnNear(long serviceId, JournalEntry last, List<String> targets) {
        int within = places.of(serviceId);
        if (within <= 0 || !anyConsentWaiting(serviceId)) {
            return 0;
        }
        ServicePoint service = ServicePoint.findById(serviceId);
        if (service == null) {
            return 0;
        }
        List<Token> waiting = queues.lineOf(service).waiting();
        int made = 0;
        for (int ahead = 0; ahead < waiting.size() && ahead <= within; ahead++) {
            Token token = waiting.get(ahead);
            if (token.notifyConsent && token.patientMobile != null) {
                long wait = estimates.waitForNewcomer(service, ahead);
                made += make(token, NotifyEvent.TURN_NEAR, last.seq, targets,
                        notice(token, NotifyEvent.TURN_NEAR, service, (long) ahead, wait, null, clock.now()));
            }
        }
        return made;
    }

    private boolean anyConsentWaiting(long serviceId) {
        return !em.createNativeQuery("""
                SELECT 1 FROM token WHERE facility = ?1 AND service_id = ?2 AND business_day = ?3 AND status = 'WAITING'
                AND notify_consent LIMIT 1""").setParameter(1, facility.code()).setParameter(2, serviceId)
                .setParameter(3, clock.businessDay()).getResultList().isEmpty();
    }

    private Notice notice(Token token, NotifyEvent event, ServicePoint service, Long ahead, Long wait, Counter counter,
            Instant at) {
        String language = token.notifyLanguage != null ? token.notifyLanguage : config.defaultLanguage();
        return new Notice(token.id + "-" + event.wireName(), event.wireName(), token.displayNumber, token.id,
                service.code, service.nameEn, service.nameHi, ahead, wait, counter == null ? null : counter.name,
                counter == null ? null : counter.nameHi, token.patientMobile, language, at, facility.name());
    }

    /**
     * Inserts the event's delivery to every target, unless it has one already (any server's, to any target): an event
     * is told once, to the targets there were when it was first read. A webhook added later gets later events only;
     * re-reading the journal (a gap, a second server, a restart) must not tell a patient the same thing again
     * through it.
     */
    private int make(Token token, NotifyEvent event, long seq, List<String> targets, Notice notice) {
        boolean told = !em.createNativeQuery(
                "SELECT 1 FROM notify_delivery WHERE facility = ?1 AND token_id = ?2 AND event = ?3 LIMIT 1")
                .setParameter(1, facility.code()).setParameter(2, token.id).setParameter(3, event.name())
                .getResultList().isEmpty();
        if (told) {
            return 0;
        }
        String body = write(notice);
        Instant now = clock.now();
        int made = 0;
        for (String target : targets) {
            made += em.createNativeQuery("""
                    INSERT INTO notify_delivery (facility, token_id, event, target, journal_seq, body, status, attempts,
                        created_at, next_attempt_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'PENDING', 0, ?7, ?7)
                    ON DUPLICATE KEY UPDATE id = id""")
                    .setParameter(1, facility.code()).setParameter(2, token.id).setParameter(3, event.name())
                    .setParameter(4, target).setParameter(5, seq).setParameter(6, body).setParameter(7, now)
                    .executeUpdate() == 1 ? 1 : 0;
        }
        return made;
    }

    /** The cursor, locked; a hospital's first reading starts at the journal's end (nothing from before is told). */
    private long lockCursor() {
        List<?> rows = em.createNativeQuery("SELECT seq FROM notify_cursor WHERE facility = ?1 FOR UPDATE")
                .setParameter(1, facility.code()).getResultList();
        if (!rows.isEmpty()) {
            return ((Number) rows.get(0)).longValue();
        }
        em.createNativeQuery("INSERT INTO notify_cursor (facility, seq) VALUES (?1, ?2) ON DUPLICATE KEY UPDATE seq = seq")
                .setParameter(1, facility.code()).setParameter(2, journal.lastSeq()).executeUpdate();
        return lockCursor();
    }

    /** Past every entry read, up to the first young gap: entries after it are read again until it fills or ages. */
    private boolean advance(long cursor, List<Journal.Stamp> entries) {
        Instant gapPassed = clock.now().minus(GAP_PASSED_AFTER);
        long safe = cursor;
        for (Journal.Stamp e : entries) {
            if (e.seq() != safe + 1 && e.occurredAt().isAfter(gapPassed)) {
                break;
            }
            safe = e.seq();
        }
        if (safe != cursor) {
            em.createNativeQuery("UPDATE notify_cursor SET seq = ?2 WHERE facility = ?1 AND seq < ?2")
                    .setParameter(1, facility.code()).setParameter(2, safe).executeUpdate();
        }
        return safe != cursor;
    }

    private String write(Notice notice) {
        try {
            return json.writeValueAsString(notice);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
