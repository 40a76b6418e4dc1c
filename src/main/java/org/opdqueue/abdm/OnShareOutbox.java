package org.opdqueue.abdm;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.common.Transactions;

/**
 * Delivers the on-share answers in {@code abdm_callback}, off the share request's thread: a share is answered 202
 * before the gateway is called back. A row is claimed for a minute before it is sent, so two servers never send it
 * at once, and is done only on a 2xx; anything else (an error answer, no answer, no session) puts it back with
 * twice the wait of the last time, from {@link AbdmConfig#retryFirst()} up to {@link AbdmConfig#retryAtMost()}.
 * A restart loses nothing: the rows are the queue.
 */
@ApplicationScoped
public class OnShareOutbox {

    private static final Logger LOG = Logger.getLogger(OnShareOutbox.class);
    private static final Duration CLAIM = Duration.ofMinutes(1);

    private record Due(long id, String requestId, String body, int attempts) {
    }

    private final Facility facility;
    private final HospitalClock clock;
    private final Transactions transactions;
    private final EntityManager em;
    private final AbdmConfig config;
    private final GatewaySession session;
    private final HttpClient http;

    public OnShareOutbox(Facility facility, HospitalClock clock, Transactions transactions, EntityManager em,
            AbdmConfig config, GatewaySession session) {
        this.facility = facility;
        this.clock = clock;
        this.transactions = transactions;
        this.em = em;
        this.config = config;
        this.session = session;
        this.http = HttpClient.newBuilder().connectTimeout(config.callTimeout()).build();
    }

    @Scheduled(every = "${opd.abdm.outbox-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void deliverDue() {
        try {
            Optional<AbdmSettings.Snapshot> settings = transactions.run(
                    () -> AbdmSettings.of(facility.code()).filter(s -> s.enabled).map(AbdmSettings::snapshot));
            if (settings.isEmpty()) {
                return;
            }
            for (Due due : transactions.run(this::claimDue)) {
                deliver(due, settings.get());
            }
        } catch (RuntimeException e) {
            // the database is away: the rows wait for it
            LOG.debugf("on-share outbox not read: %s", e.getMessage());
        }
    }

    private List<Due> claimDue() {
        Instant now = clock.now();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, request_id, body, attempts FROM abdm_callback
                WHERE facility = ?1 AND delivered_at IS NULL AND next_attempt_at <= ?2 AND attempts < ?3
                  AND (claimed_until IS NULL OR claimed_until < ?2)
                ORDER BY next_attempt_at LIMIT 20""").setParameter(1, facility.code()).setParameter(2, now)
                .setParameter(3, config.attemptsAtMost()).getResultList();
        return rows.stream().filter(r -> em.createNativeQuery("""
                UPDATE abdm_callback SET claimed_until = ?1
                WHERE id = ?2 AND delivered_at IS NULL AND (claimed_until IS NULL OR claimed_until < ?3)""")
                .setParameter(1, now.plus(CLAIM)).setParameter(2, r[0]).setParameter(3, now).executeUpdate() == 1)
                .map(r -> new Due(((Number) r[0]).longValue(), (String) r[1], (String) r[2], ((Number) r[3]).intValue()))
                .toList();
    }

    private void deliver(Due due, AbdmSettings.Snapshot settings) {
        String failure;
        try {
            HttpResponse<String> answer = send(due, settings);
            if (answer.statusCode() == 401) {
                session.forget();
            }
            if (answer.statusCode() / 100 == 2) {
                transactions.run(() -> em.createNativeQuery("""
                        UPDATE abdm_callback SET delivered_at = ?1, attempts = attempts + 1, claimed_until = NULL, last_error = NULL
                        WHERE id = ?2""").setParameter(1, clock.now()).setParameter(2, due.id()).executeUpdate());
                return;
            }
            failure = "on-share answered " + answer.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        } catch (java.io.IOException | GatewaySession.GatewayRefused e) {
            failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        String error = failure.length() > 300 ? failure.substring(0, 300) : failure;
        Instant next = clock.now().plus(backoff(due.attempts() + 1));
        LOG.warnf("ABDM on-share %s not delivered (attempt %d): %s; next try at %s", due.requestId(),
                due.attempts() + 1, error, next);
        transactions.run(() -> em.createNativeQuery("""
                UPDATE abdm_callback SET attempts = attempts + 1, next_attempt_at = ?1, claimed_until = NULL, last_error = ?2
                WHERE id = ?3""").setParameter(1, next).setParameter(2, error).setParameter(3, due.id()).executeUpdate());
    }

    /** The wait after the n-th failed attempt: first, 2 × first, 4 × first, … never more than the most. */
    Duration backoff(int failedAttempts) {
        Duration wait = config.retryFirst().multipliedBy(1L << Math.min(failedAttempts - 1, 20));
        return wait.compareTo(config.retryAtMost()) > 0 ? config.retryAtMost() : wait;
    }

    private HttpResponse<String> send(Due due, AbdmSettings.Snapshot settings) throws java.io.IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.gateway() + AbdmWire.ON_SHARE_PATH))
                .timeout(config.callTimeout()).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + session.token(settings))
                // one REQUEST-ID per answer, the same on every retry, so the gateway can tell a retry from a new answer
                .header(AbdmWire.REQUEST_ID, due.requestId())
                .header(AbdmWire.TIMESTAMP, GatewayCalls.timestamp(clock.now()))
                .header(AbdmWire.CM_ID, settings.environment().cmId());
        if (settings.hipId() != null && !settings.hipId().isBlank()) {
            request.header(AbdmWire.HIP_ID, settings.hipId());
        }
        return http.send(request.POST(HttpRequest.BodyPublishers.ofString(due.body())).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
