package org.opdqueue.console;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.common.ProblemException;
import org.opdqueue.common.Transactions;
import org.opdqueue.counter.Counter;
import org.opdqueue.journal.Journal;
import org.opdqueue.journal.JournalEntryBuilder;
import org.opdqueue.journal.JournalEventType;
import org.opdqueue.queue.QueueLocks;
import org.opdqueue.queue.QueueReads;
import org.opdqueue.token.Token;
import org.opdqueue.token.TokenStatus;
import org.opdqueue.token.TokenTransition;

/**
 * Applies what a counter console did while it could not reach the server, in the order it was done, each action
 * once. The console's clock is corrected by how far it was off when it sent the outbox and never runs past the
 * moment the outbox arrived; the journal keeps the console's own time next to its receipt time.
 */
@ApplicationScoped
public class OfflineActionReplay {

    static final String DETAIL = "offline console";
    /** The journal's device time column holds 1970 to 2038; a console clock outside that is kept out of it. */
    private static final Instant STORABLE_FROM = Instant.parse("1970-01-02T00:00:00Z");
    private static final Instant STORABLE_TO = Instant.parse("2038-01-01T00:00:00Z");
    private static final Instant SANE_FROM = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant SANE_TO = Instant.parse("9000-01-01T00:00:00Z");

    private final Facility facility;
    private final HospitalClock clock;
    private final QueueLocks locks;
    private final Journal journal;
    /** Gives each command its own new transaction and runs it again when it lost to a deadlock (see Transactions). */
    private final Transactions transactions;
    private final ActionKeys keys;
    private final QueueReads reads;

    public OfflineActionReplay(Facility facility, HospitalClock clock, QueueLocks locks, Journal journal,
            Transactions transactions, ActionKeys keys, QueueReads reads) {
        this.facility = facility;
        this.clock = clock;
        this.locks = locks;
        this.journal = journal;
        this.transactions = transactions;
        this.keys = keys;
        this.reads = reads;
    }

    public List<ActionResult> replay(long counterId, Instant sentAt, List<OfflineAction> actions, String actor) {
        for (int i = 0; i < actions.size(); i++) {
            Instant at = actions.get(i).at();
            if (at.isBefore(SANE_FROM) || at.isAfter(SANE_TO)) {
                throw ProblemException.invalid("actions[" + i + "].at", "is not a real time: " + at);
            }
        }
        if (sentAt != null && (sentAt.isBefore(SANE_FROM) || sentAt.isAfter(SANE_TO))) {
            throw ProblemException.invalid("sentAt", "is not a real time: " + sentAt);
        }
        Instant receivedAt = clock.now();
        Duration skew = sentAt == null ? Duration.ZERO : Duration.between(sentAt, receivedAt);
        // A concurrent replay of the same outbox that committed first makes this one hit a unique key: run again, and
        // its actions are duplicates now.
        return transactions.runOrReplay(
                () -> replayOnce(counterId, skew, receivedAt, actions, actor), Transactions.LostRace.DUPLICATE_KEY);
    }

    private List<ActionResult> replayOnce(long counterId, Duration skew, Instant receivedAt, List<OfflineAction> actions,
            String actor) {
        // The counter first, as every queue command locks: two replays of one console's outbox take turns.
        Counter counter = locks.counter(counterId);
        List<ActionResult> results = new ArrayList<>(actions.size());
        for (OfflineAction action : actions) {
            String fingerprint = action.fingerprint(counterId);
            Optional<ActionKeys.Earlier> earlier = keys.find(facility.code(), action.actionId().toString());
            if (earlier.isPresent()) {
                results.add(answerAgain(action, fingerprint, earlier.get()));
                continue;
            }
            Instant corrected = action.at().plus(skew);
            corrected = corrected.isAfter(receivedAt) ? receivedAt : corrected;
            ActionResult result;
            try {
                result = apply(counter, action, corrected, actor);
            } catch (ProblemException e) {
                result = ActionResult.refused(action, e.getMessage());
            }
            keys.record(facility.code(), counterId, action, result, actor, receivedAt);
            results.add(result);
        }
        return results;
    }

    private static ActionResult answerAgain(OfflineAction action, String fingerprint, ActionKeys.Earlier earlier) {
        if (!fingerprint.equals(earlier.fingerprint())) {
            return ActionResult.refused(action, "actionId was already used for a different action");
        }
        if (ActionResult.REFUSED.equals(earlier.result())) {
            return ActionResult.refused(action, earlier.reason());
        }
        return new ActionResult(action.actionId(), action.kind(), action.displayNumber(), ActionResult.DUPLICATE, null,
                earlier.tokenId());
    }

    /** Checks everything before changing anything, so a refused action leaves no trace but its answer. */
    private ActionResult apply(Counter counter, OfflineAction action, Instant at, String actor) {
        LocalDate day = clock.businessDayOf(at);
        if (!day.equals(clock.businessDay())) {
            throw ProblemException.illegal("done on " + day + ", not today (" + clock.businessDay()
                    + "): record it on paper");
        }
        String number = action.displayNumber();
        Optional<Long> found = Token.findByDisplayNumber(facility.code(), day, number).map(t -> t.id);
        if (found.isEmpty()) {
            if (action.kind() != OfflineAction.Kind.CALL) {
                throw ProblemException.notFound("Today's token", number);
            }
            // A paper slip not entered yet: the call happened all the same, so the journal says so.
            journal.append(JournalEventType.CALLED, JournalEntryBuilder.about(null, number, null).at(counter.id, counter.code)
                    .actor(actor).degraded(counter.code, deviceTime(action)).detail(DETAIL + ": called by number, not in the system yet"));
            return ActionResult.applied(action, null);
        }
        locks.queueOfToken(found.get());
        Token token = locks.todaysToken(found.get());
        return switch (action.kind()) {
            case CALL -> call(counter, token, action, at, actor);
            case COMPLETE -> complete(counter, token, action, at, actor);
            case NO_SHOW -> noShow(counter, token, action, actor);
        };
    }

    /** As a call made by number during a database outage: whatever the counter still held is taken as served. */
    private ActionResult call(Counter counter, Token token, OfflineAction action, Instant at, String actor) {
        if (!counter.serviceIds().contains(token.serviceId)) {
            throw ProblemException.illegal("Counter " + counter.name + " does not serve the queue of " + token.displayNumber);
        }
        if (!token.allows(TokenTransition.CALL)) {
            throw ProblemException.illegal(token.displayNumber + " is " + token.status + atCounter(token)
                    + ", it cannot be called");
        }
        reads.heldBy(counter).forEach(held -> {
            held.complete(at);
            journal.append(JournalEventType.COMPLETED, entry(held, counter, actor, action)
                    .detail(DETAIL + ": taken as served when the counter called the next"));
        });
        token.call(counter.id, at);
        journal.append(JournalEventType.CALLED, entry(token, counter, actor, action).detail(DETAIL));
        return ActionResult.applied(action, token.id);
    }

    private ActionResult complete(Counter counter, Token token, OfflineAction action, Instant at, String actor) {
        requireAtThisCounter(counter, token, TokenTransition.COMPLETE);
        token.complete(at);
        journal.append(JournalEventType.COMPLETED, entry(token, counter, actor, action).detail(DETAIL));
        return ActionResult.applied(action, token.id);
    }

    private ActionResult noShow(Counter counter, Token token, OfflineAction action, String actor) {
        requireAtThisCounter(counter, token, TokenTransition.MARK_NO_SHOW);
        token.markNoShow();
        journal.append(JournalEventType.NO_SHOW, entry(token, counter, actor, action).detail(DETAIL));
        return ActionResult.applied(action, token.id);
    }

    /** Offline, a console may only finish what it called itself: the token's own rule plus this counter's. */
    private static void requireAtThisCounter(Counter counter, Token token, TokenTransition transition) {
        if (!token.allows(transition) || !counter.id.equals(token.counterId)) {
            throw ProblemException.illegal(token.displayNumber + " is " + token.status + atCounter(token)
                    + "; only a token called to " + counter.name + " can be " + transition.verb());
        }
    }

    private static String atCounter(Token token) {
        return token.counterId != null && TokenStatus.AT_COUNTER.contains(token.status)
                ? " at " + Counter.<Counter>findByIdOptional(token.counterId).map(c -> c.name).orElse("another counter")
                : "";
    }

    private static JournalEntryBuilder entry(Token token, Counter counter, String actor, OfflineAction action) {
        return JournalEntryBuilder.changed(token.journaled(counter.code)).at(counter.id, counter.code).actor(actor)
                .degraded(counter.code, deviceTime(action));
    }

    private static Instant deviceTime(OfflineAction action) {
        return action.at().isBefore(STORABLE_FROM) || action.at().isAfter(STORABLE_TO) ? null : action.at();
    }
}
