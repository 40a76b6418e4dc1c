package org.opdqueue.token;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.common.OpdConfig;
import org.opdqueue.common.ProblemException;
import org.opdqueue.common.ProblemType;
import org.opdqueue.common.Transactions;
import org.opdqueue.journal.Journal;
import org.opdqueue.journal.JournalEntryBuilder;
import org.opdqueue.journal.JournalEventType;
import org.opdqueue.reads.CommittedReadings;
import org.opdqueue.servicepoint.PriorityCategory;
import org.opdqueue.servicepoint.ServicePoint;

/**
 * Issues a token exactly once per client request id. Concurrent issues are committed together in batches
 * ({@link IssuingLanes}); twins within a batch get one token. Two identical requests racing each other from
 * different batches are settled by the idempotency key's unique constraint: the loser's transaction rolls back
 * (giving its numbers back), its requests are tried one by one, and the twin answers with the winner's token.
 */
@ApplicationScoped
public class TokenIssuing {

    /**
     * What issuing produced: the token, whether this request made it or replayed it, and for a new token its place in
     * the queue as it was issued (null for a replay: its place now is read afresh).
     */
    public record Issued(Token token, ServicePoint service, boolean created, PlacesAtIssue.Place place) {
        Issued(Token token, ServicePoint service, boolean created) {
            this(token, service, created, null);
        }
    }

    private final Facility facility;
    private final HospitalClock clock;
    private final TokenNumbers numbers;
    private final Journal journal;
    /** Gives each command its own new transaction and runs it again when it lost to a deadlock (see Transactions). */
    private final Transactions transactions;
    private final RequestKeys requestKeys;
    private final PlacesAtIssue places;
    private final IssuingLanes lanes;
    private final EntityManager em;
    private final CommittedReadings readings;

    public TokenIssuing(Facility facility, HospitalClock clock, TokenNumbers numbers, Journal journal,
            Transactions transactions, RequestKeys requestKeys, PlacesAtIssue places, EntityManager em,
            CommittedReadings readings, OpdConfig config) {
        this.lanes = new IssuingLanes(config.issuing().answerWithin().toMillis(), config.issuing().lanes());
        this.em = em;
        this.readings = readings;
        this.places = places;
        this.facility = facility;
        this.clock = clock;
        this.numbers = numbers;
        this.journal = journal;
        this.transactions = transactions;
        this.requestKeys = requestKeys;
    }

    /** @param actor the staff member issuing at a counter, or null for a patient at a kiosk */
    public Issued issue(IssueTokenRequest request, String actor) {
        onlineOnly(request);
        // Waits in the service's lane until its runner has run it with others as one issueBatch, and returns this
        // request's own answer (or throws its own failure).
        return lanes.issue(new IssuingLanes.Waiting(request, actor), this::issueBatch);
    }

    /**
     * As {@link #issue(IssueTokenRequest, String)} without holding the caller's thread: the answer completes on the
     * lane's runner once its batch commits (or with the problem that stopped it, a timeout's included).
     *
     * @param arrivedNanos when the request came in (System.nanoTime), which the time limit counts from
     */
    public CompletionStage<Issued> issueLater(IssueTokenRequest request, String actor, long arrivedNanos) {
        onlineOnly(request);
        return lanes.submit(new IssuingLanes.Waiting(request, actor, null, arrivedNanos), this::issueBatch);
    }

    private static void onlineOnly(IssueTokenRequest request) {
        if (request.channelOrDefault().offline()) {
            throw ProblemException.invalid("channel",
                    "offline and paper tokens are merged through POST /api/sync/tokens by an enrolled device");
        }
    }

    /**
     * As {@link #issue(IssueTokenRequest, String)}, for a token whose place in the queue is taken from {@code queueAt}
     * rather than now: an appointment checked in within its window keeps its slot's place (see appointment/CheckingIn).
     */
    public Issued issue(IssueTokenRequest request, String actor, Instant queueAt) {
        return lanes.issue(new IssuingLanes.Waiting(request, actor, queueAt), this::issueBatch);
    }

    /**
     * When a request id already saved last came in again (System.nanoTime), or long ago. Request ids are looked up
     * before issuing only for a while after that: most requests are new, and for them the lookup was one statement of
     * a batch's few. A request sent again meanwhile is caught all the same, by the request-id key refusing its insert:
     * its batch rolls back (giving its numbers back) and its requests are tried again one by one, looked up first.
     */
    private final AtomicLong lastReplay = new AtomicLong(System.nanoTime() - LOOK_UP_FOR.toNanos());

    /** How long after a replay request ids are looked up first: a kiosk sends again within seconds, or after an outage. */
    static final Duration LOOK_UP_FOR = Duration.ofMinutes(1);

    private boolean replaysLately() {
        return System.nanoTime() - lastReplay.get() < LOOK_UP_FOR.toNanos();
    }

    private void replaySeen() {
        lastReplay.set(System.nanoTime());
    }

    /** What one request in a batch got: its token, or the problem to answer with. */
    private record Outcome(Issued issued, RuntimeException problem) {
    }

    /**
     * Runs the requests in one transaction. If a unique key refuses it (a twin request committed by another lane
     * first), each request is tried on its own; any other failure, such as a lost database, answers them all.
     */
    private void issueBatch(List<IssuingLanes.Waiting> batch) {
        if (batch.size() == 1) {
            answerAlone(batch.get(0));
            return;
        }
        // A batch's places are counted for tokens all queued now; one placed elsewhere goes on its own (they are few).
        if (batch.stream().anyMatch(w -> w.queueAt != null)) {
            batch.stream().filter(w -> w.queueAt != null).forEach(this::answerAlone);
            List<IssuingLanes.Waiting> queuedNow = batch.stream().filter(w -> w.queueAt == null).toList();
            if (!queuedNow.isEmpty()) {
                issueBatch(queuedNow);
            }
            return;
        }
        Map<IssuingLanes.Waiting, Outcome> outcomes;
        try {
            // Lost to a twin in another lane: no outcomes, so below each request is tried on its own.
            outcomes = transactions.runOrSettle(() -> issueTogether(batch), Transactions.LostRace.DUPLICATE_KEY,
                    lost -> {
                        replaySeen();
                        return Map.of();
                    });
        } catch (RuntimeException e) {
            batch.forEach(w -> w.fail(e));
            return;
        }
        for (IssuingLanes.Waiting w : batch) {
            Outcome outcome = outcomes.get(w);
            if (outcome == null) {
                if (!w.abandoned()) {
                    answerAlone(w);
                }
            } else if (outcome.problem() != null) {
                w.fail(outcome.problem());
            } else {
                w.answer(outcome.issued());
            }
        }
    }

    private Map<IssuingLanes.Waiting, Outcome> issueTogether(List<IssuingLanes.Waiting> taken) {
        List<IssuingLanes.Waiting> batch = connected(taken);
        Map<IssuingLanes.Waiting, Outcome> outcomes = new HashMap<>();
        Map<String, RequestKeys.Earlier> earlier = !replaysLately() ? Map.of() : requestKeys.find(facility.code(),
                batch.stream().map(w -> w.request.requestId().toString()).distinct().toList());
        Map<String, IssuingLanes.Waiting> firstOfId = new HashMap<>();
        List<IssuingLanes.Waiting> twins = new ArrayList<>();
        Map<String, List<IssuingLanes.Waiting>> fresh = new HashMap<>();
        for (IssuingLanes.Waiting w : batch) {
            String id = w.request.requestId().toString();
            if (earlier.containsKey(id)) {
                outcomes.put(w, attempt(() -> replayOf(earlier.get(id), w.request.requestId(), w.fingerprint)));
            } else if (firstOfId.putIfAbsent(id, w) != null) {
                twins.add(w);
            } else {
                fresh.computeIfAbsent(w.request.serviceCode().strip().toUpperCase(), c -> new ArrayList<>()).add(w);
            }
        }
        Instant now = clock.now();
        Map<String, Outcome> refusedCategories = new HashMap<>();
        Map<String, PriorityCategory> categories = new HashMap<>();
        Map<ServicePoint, List<IssuingLanes.Waiting>> byService = new TreeMap<>(Comparator.comparing(s -> s.id));
        fresh.forEach((code, requests) -> {
            try {
                ServicePoint service = activeService(code);
                for (IssuingLanes.Waiting w : requests) {
                    Outcome refused = categoryFor(w.request, categories, refusedCategories);
                    if (refused != null) {
                        outcomes.put(w, refused);
                    } else {
                        byService.computeIfAbsent(service, s -> new ArrayList<>()).add(w);
                    }
                }
            } catch (ProblemException e) {
                requests.forEach(w -> outcomes.put(w, new Outcome(null, e)));
            }
        });
        // Number rows are locked in service-id order, so two batches never wait for each other in a circle.
        List<Fresh> issued = new ArrayList<>();
        byService.forEach((service, requests) -> {
            int number = numbers.nextBlock(facility.code(), clock.businessDayOf(now), service.id, requests.size());
            List<Token> tokens = new ArrayList<>(requests.size());
            for (IssuingLanes.Waiting w : requests) {
                tokens.add(newToken(service, categories.get(w.request.priorityOrDefault()), w.request, number++, now));
            }
            // with the number row locked, so no other issue of this service comes in between
            List<PlacesAtIssue.Place> placed = places.placesOf(service, tokens);
            for (int i = 0; i < tokens.size(); i++) {
                IssuingLanes.Waiting w = requests.get(i);
                Token token = tokens.get(i);
                token.estimatedWaitAtIssue = Math.toIntExact(placed.get(i).estimatedWaitMinutes()); // for the reports
                issued.add(new Fresh(token, service, w.request.requestId(), w.fingerprint, w.actor));
                outcomes.put(w, new Outcome(new Issued(token, service, true, placed.get(i)), null));
            }
        });
        saveAll(issued);
        for (IssuingLanes.Waiting twin : twins) {
            Outcome first = outcomes.get(firstOfId.get(twin.request.requestId().toString()));
            if (first != null && first.issued() != null) {
                outcomes.put(twin, twin.fingerprint.equals(firstOfId.get(twin.request.requestId().toString()).fingerprint)
                        ? new Outcome(new Issued(first.issued().token(), first.issued().service(), false), null)
                        : new Outcome(null, requestIdReused(twin.request.requestId())));
            }
            // a twin of a request that failed is left without an outcome and tried on its own after this batch
        }
        return outcomes;
    }

    /** Looks each category up once per batch; null when the request's category may be issued (then it is in {@code found}). */
    private Outcome categoryFor(IssueTokenRequest request, Map<String, PriorityCategory> found,
            Map<String, Outcome> refused) {
        String code = request.priorityOrDefault();
        if (!found.containsKey(code) && !refused.containsKey(code)) {
            try {
                found.put(code, offeredCategory(code));
            } catch (ProblemException e) {
                refused.put(code, new Outcome(null, e));
            }
        }
        return refused.get(code);
    }

    /**
     * The service a request names, kept between set-up changes (reads/CommittedReadings): looked up once per batch it
     * cost a query each time. An unknown or closed service is not kept, and is refused as before.
     */
    private ServicePoint activeService(String code) {
        String wanted = code == null ? "" : code.strip().toUpperCase();
        return readings.setUp("issuing-service:" + facility.code() + ":" + wanted,
                () -> ServicePoint.activeByCode(facility.code(), wanted));
    }

    /** The category a request asks for, kept as {@link #activeService} is. */
    private PriorityCategory offeredCategory(String code) {
        String wanted = code == null || code.isBlank() ? PriorityCategory.GENERAL : code.strip().toUpperCase();
        return readings.setUp("issuing-category:" + facility.code() + ":" + wanted,
                () -> PriorityCategory.offeredByCode(facility.code(), wanted));
    }

    private static Outcome attempt(Supplier<Issued> replay) {
        try {
            return new Outcome(replay.get(), null);
        } catch (ProblemException e) {
            return new Outcome(null, e);
        }
    }

    private void answerAlone(IssuingLanes.Waiting w) {
        try {
            Issued issued = issueAlone(w.request, w.fingerprint, w.actor, w.queueAt, () -> !connected(List.of(w)).isEmpty());
            if (issued != null) {
                w.answer(issued);
            }
        } catch (RuntimeException e) {
            w.fail(e);
        }
    }

    /**
     * Takes the transaction's connection before the first statement; the requests whose time ran out meanwhile are left
     * out (they were told nothing was written: a pool that gives no connection is a database outage, not an unknown),
     * the others can no longer be told so.
     */
    private List<IssuingLanes.Waiting> connected(List<IssuingLanes.Waiting> batch) {
        em.unwrap(Session.class).doWork(connection -> {
        });
        return batch.stream().filter(IssuingLanes.Waiting::connect).toList();
    }

    /** Null when {@code stillWanted} says its time ran out before the connection came: then nothing is written. */
    private Issued issueAlone(IssueTokenRequest request, String fingerprint, String actor, Instant queueAt,
            java.util.function.BooleanSupplier stillWanted) {
        // A concurrent twin committed first: answer with its token.
        return transactions.runOrSettle(() -> stillWanted.getAsBoolean() ? issueOnce(request, fingerprint, actor, queueAt) : null,
                Transactions.LostRace.DUPLICATE_KEY,
                lost -> {
                    replaySeen();
                    Issued earlier = replay(request.requestId(), fingerprint);
                    if (earlier == null) {
                        throw lost;
                    }
                    return earlier;
                });
    }

    private Issued issueOnce(IssueTokenRequest request, String fingerprint, String actor, Instant queueAt) {
        Issued earlier = replaysLately() ? replay(request.requestId(), fingerprint) : null;
        if (earlier != null) {
            return earlier;
        }
        ServicePoint service = activeService(request.serviceCode());
        PriorityCategory category = offeredCategory(request.priorityOrDefault());
        Instant now = clock.now();
        Token token = newToken(service, category, request,
                numbers.next(facility.code(), clock.businessDayOf(now), service.id), now);
        if (queueAt != null) {
            token.placeFrom(queueAt);
        }
        PlacesAtIssue.Place place = places.placesOf(service, List.of(token)).get(0);
        token.estimatedWaitAtIssue = Math.toIntExact(place.estimatedWaitMinutes());
        saveAll(List.of(new Fresh(token, service, request.requestId(), fingerprint, actor)));
        return new Issued(token, service, true, place);
    }

    private Token newToken(ServicePoint service, PriorityCategory category, IssueTokenRequest request, int number,
            Instant now) {
        return Token.waiting(facility.code(), service, category, request.channelOrDefault(), "", number,
                service.displayNumber("", number), now, clock.businessDayOf(now), now, request.patient());
    }

    /** A new token, not yet saved, and the request that made it. */
    private record Fresh(Token token, ServicePoint service, UUID requestId, String fingerprint, String actor) {
    }

    /**
     * Saves new tokens, the request ids that made them and their journal entries: one multi-row insert per table for
     * the whole batch, on the transaction's own connection (token ids are the database's, see {@link TokenRows}).
     */
    private void saveAll(List<Fresh> fresh) {
        if (fresh.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(c -> TokenRows.insert(c, fresh.stream().map(Fresh::token).toList()));
        requestKeys.recordAll(fresh.stream().map(f -> new RequestKeys.Key(f.token().facility,
                f.requestId().toString(), f.fingerprint(), f.token().id, f.token().issuedAt)).toList());
        // last, one insert for the batch
        journal.appendAll(JournalEventType.ISSUED, fresh.stream()
                .map(f -> issuedEntry(f.token(), f.service(), f.requestId(), f.actor())).toList());
    }

    private static JournalEntryBuilder issuedEntry(Token token, ServicePoint service, UUID requestId, String actor) {
        return JournalEntryBuilder.issued(token.journaled(null, service), requestId.toString())
                .actor(actor).detail(token.channel + " " + token.priority);
    }

    private static ProblemException requestIdReused(UUID requestId) {
        return new ProblemException(ProblemType.REQUEST_ID_REUSED,
                "requestId " + requestId + " was already used for a different token request");
    }

    /** The token an earlier request made, or 409 if that request said something else. */
    private Issued replayOf(RequestKeys.Earlier key, UUID requestId, String fingerprint) {
        if (!fingerprint.equals(key.fingerprint())) {
            throw requestIdReused(requestId);
        }
        Token token = Token.findById(key.tokenId());
        return new Issued(token, ServicePoint.findById(token.serviceId), false);
    }

    /** The token an earlier request with this id made, or null; 409 if that request said something else. */
    private Issued replay(UUID requestId, String fingerprint) {
        RequestKeys.Earlier key = requestKeys.find(facility.code(), List.of(requestId.toString())).get(requestId.toString());
        return key == null ? null : replayOf(key, requestId, fingerprint);
    }
}
