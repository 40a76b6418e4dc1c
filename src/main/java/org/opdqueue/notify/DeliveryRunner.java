package org.opdqueue.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.status.SystemMode;
import org.opdqueue.token.Token;
import org.opdqueue.token.TokenStatus;

/**
 * Sends due deliveries. Each is leased before it is sent (its next attempt moved a minute on, its attempt counted, in
 * a transaction of its own), so another server, or this one after a restart, takes it up only if this attempt never
 * finished; the result is written afterwards. Retries wait {@code first-retry-after}, doubling, up to
 * {@code max-attempts}. Nothing is sent while the database is away, and a message that is no longer true when its
 * turn comes (the patient was called before their "turn near" went, or had left the counter before their "called"
 * went) is skipped, not sent late.
 */
@ApplicationScoped
public class DeliveryRunner {

    private static final Logger LOG = Logger.getLogger(DeliveryRunner.class);

    static final int BATCH = 20;
    static final Duration LEASE = Duration.ofSeconds(60);
    static final Duration LONGEST_RETRY = Duration.ofMinutes(30);

    private final NotifyConfig config;
    private final SystemMode mode;
    private final NotifyRounds rounds;
    private final EntityManager em;
    private final Facility facility;
    private final HospitalClock clock;
    private final Instance<NotificationSender> senders;
    private final ObjectMapper json;

    public DeliveryRunner(NotifyConfig config, SystemMode mode, NotifyRounds rounds, EntityManager em, Facility facility,
            HospitalClock clock, Instance<NotificationSender> senders, ObjectMapper json) {
        this.config = config;
        this.mode = mode;
        this.rounds = rounds;
        this.em = em;
        this.facility = facility;
        this.clock = clock;
        this.senders = senders;
        this.json = json;
    }

    @Scheduled(every = "${opd.notify.every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        rounds.run(LOG, "Notifications not sent", this::sendDue);
    }

    /** Sends what is due now; returns how many were sent. */
    public synchronized int sendDue() {
        int sent = 0;
        while (!mode.degraded()) {
            List<Delivery> due = QuarkusTransaction.requiringNew().call(this::lease);
            for (Delivery d : due) {
                if (mode.degraded()) {
                    return sent; // the rest come due again when the lease ends, and are judged again then
                }
                NotificationSender.Attempt attempt = send(d);
                QuarkusTransaction.requiringNew().run(() -> record(d.id, attempt));
                sent += attempt.sent() ? 1 : 0;
            }
            if (due.size() < BATCH) {
                return sent;
            }
        }
        return sent;
    }

    private NotificationSender.Attempt send(Delivery d) {
        try {
            Notice notice = json.readValue(d.body, Notice.class);
            for (NotificationSender sender : senders) {
                if (sender.serves(d.target)) {
                    return sender.send(d, notice);
                }
            }
            return NotificationSender.Attempt.failed("no sender for " + d.target);
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            // not the message: it may quote the body, and the body holds the patient's mobile number
            LOG.warnf("Notification %d could not be sent (%s)", d.id, e.getClass().getSimpleName());
            return NotificationSender.Attempt.failed("could not be sent: the stored message could not be read");
        }
    }

    /** Due deliveries still true, leased; those no longer true are skipped here. Detached copies. */
    private List<Delivery> lease() {
        Instant now = clock.now();
        @SuppressWarnings("unchecked")
        List<Delivery> due = em.createNativeQuery("""
                SELECT * FROM notify_delivery WHERE facility = ?1 AND status = 'PENDING' AND next_attempt_at <= ?2
                ORDER BY next_attempt_at, id LIMIT ?3 FOR UPDATE SKIP LOCKED""", Delivery.class)
                .setParameter(1, facility.code()).setParameter(2, now).setParameter(3, BATCH).getResultList();
        List<Delivery> leased = new ArrayList<>();
        for (Delivery d : due) {
            String stale = staleBecause(d);
            if (stale != null) {
                d.status = Delivery.Status.SKIPPED;
                d.lastError = stale;
                continue;
            }
            d.attempts++;
            d.lastAttemptAt = now;
            d.nextAttemptAt = now.plus(LEASE);
            leased.add(d);
        }
        em.flush();
        leased.forEach(em::detach);
        return leased;
    }

    /** Why the message would be untrue now, or null. A replay by an admin is sent as it was. */
    private String staleBecause(Delivery d) {
        if (d.replayedBy != null) {
            return null;
        }
        Token token = Token.findById(d.tokenId);
        if (token == null || !clock.businessDay().equals(token.businessDay)) {
            return "the token's day is over";
        }
        if (d.event == NotifyEvent.TURN_NEAR && token.status != TokenStatus.WAITING) {
            return "the token was " + token.status.name().toLowerCase().replace('_', ' ') + " before the message went";
        }
        if (d.event == NotifyEvent.CALLED && token.status != TokenStatus.CALLED) {
            return "the token was " + token.status.name().toLowerCase().replace('_', ' ') + " before the message went";
        }
        return null;
    }

    private void record(long id, NotificationSender.Attempt attempt) {
        Delivery d = Delivery.findById(id);
        Instant now = clock.now();
        d.lastStatusCode = attempt.statusCode();
        d.lastError = attempt.error();
        if (attempt.sent()) {
            d.status = Delivery.Status.SENT;
            d.sentAt = now;
        } else if (d.attempts >= config.maxAttempts()) {
            d.status = Delivery.Status.FAILED;
        } else {
            Duration wait = config.firstRetryAfter().multipliedBy(1L << Math.min(d.attempts - 1, 20));
            d.nextAttemptAt = now.plus(wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait);
        }
    }
}
