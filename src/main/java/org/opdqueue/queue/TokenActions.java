package org.opdqueue.queue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.common.OpdConfig;
import org.opdqueue.common.ProblemException;
import org.opdqueue.common.Transactions;
import org.opdqueue.counter.Counter;
import org.opdqueue.journal.Journal;
import org.opdqueue.journal.JournalEntry;
import org.opdqueue.journal.JournalEntryBuilder;
import org.opdqueue.journal.JournalEventType;
import org.opdqueue.servicepoint.QueueState;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.token.Token;
import org.opdqueue.token.TokenTransition;

/** What counter staff do with a called token: recall, start, complete, no-show, requeue, transfer, cancel. */
@ApplicationScoped
public class TokenActions {

    /** How long after a complete or a no-show the console may take it back. */
    public static final Duration UNDO_WINDOW = Duration.ofSeconds(10);

    private final Facility facility;
    private final HospitalClock clock;
    private final QueueLocks locks;
    private final Journal journal;
    /** Gives each command its own new transaction and runs it again when it lost to a deadlock (see Transactions). */
    private final Transactions transactions;
    private final QueueReads reads;
    private final KeptServices services;
    private final int defaultRequeueAfter;

    public TokenActions(Facility facility, HospitalClock clock, QueueLocks locks, Journal journal,
            Transactions transactions, QueueReads reads, KeptServices services, OpdConfig config) {
        this.services = services;
        this.facility = facility;
        this.clock = clock;
        this.locks = locks;
        this.journal = journal;
        this.transactions = transactions;
        this.defaultRequeueAfter = config.queue().defaultRequeueAfter();
        this.reads = reads;
    }

    public Token recall(long tokenId, String actor) {
        return transactions.run(() -> {
            Token token = locks.todaysToken(tokenId);
            token.recall();
            record(JournalEventType.RECALLED, token, actor, null);
            return token;
        });
    }

    public Token start(long tokenId, String actor) {
        return transactions.run(() -> {
            Token token = locks.todaysToken(tokenId);
            token.start(clock.now());
            record(JournalEventType.STARTED, token, actor, null);
            return token;
        });
    }

    public Token complete(long tokenId, String actor) {
        return transactions.run(() -> {
            Token token = locks.todaysToken(tokenId);
            token.complete(clock.now());
            record(JournalEventType.COMPLETED, token, actor, null);
            return token;
        });
    }

    /** The patient did not come; with {@code requeueAfter} they go back that many places at once. */
    public Token noShow(long tokenId, Integer requeueAfter, String actor) {
        return transactions.run(() -> {
            QueueState queue = locks.queueOfToken(tokenId);
            Token token = locks.todaysToken(tokenId);
            token.markNoShow();
            record(JournalEventType.NO_SHOW, token, actor, null);
            if (requeueAfter != null) {
                putBack(token, queue, requeueAfter, actor);
            }
            return token;
        });
    }

    public Token requeue(long tokenId, Integer places, String actor) {
        return transactions.run(() -> {
            QueueState queue = locks.queueOfToken(tokenId);
            Token token = locks.todaysToken(tokenId);
            token.require(TokenTransition.REQUEUE); // before the places are checked, as a wrong state is the first thing to say
            putBack(token, queue, places == null ? defaultRequeueAfter : places, actor);
            return token;
        });
    }

    /**
     * Takes back the token's complete or no-show (a mis-key at the console), only within {@link #UNDO_WINDOW} of it,
     * only if nothing else happened to the token since, and only while its counter holds no other patient: after that
     * the patient may already have left or another been called, and the counter must act afresh.
     */
    public Token undo(long tokenId, String actor) {
        return transactions.run(() -> {
            // The counter before the token, in the order calling takes them, so an undo and a call never deadlock.
            Long counterId = locks.counterOfToken(tokenId);
            Counter counter = counterId == null ? null : locks.counter(counterId);
            Token token = locks.todaysToken(tokenId);
            token.require(TokenTransition.UNDO);
            if (counter == null || !counter.id.equals(token.counterId)) {
                throw ProblemException.undoTooLate("Token " + token.displayNumber + " has left its counter");
            }
            JournalEntry last = JournalEntry.<JournalEntry>find("facility = ?1 and tokenId = ?2 order by seq desc",
                    facility.code(), token.id).firstResult();
            if (last == null || (last.type != JournalEventType.COMPLETED && last.type != JournalEventType.NO_SHOW)
                    || last.outageReplay || last.degraded) {
                throw ProblemException.undoTooLate("Token " + token.displayNumber + " was " + token.status
                        + " by another way than this console's button: it cannot be undone here");
            }
            Duration since = Duration.between(last.occurredAt, clock.now());
            if (since.compareTo(UNDO_WINDOW) > 0) {
                throw ProblemException.undoTooLate("Token " + token.displayNumber + " was closed " + since.toSeconds()
                        + " s ago; undo is possible for " + UNDO_WINDOW.toSeconds() + " s only");
            }
            reads.heldBy(counter).stream().findFirst().ifPresent(other -> {
                throw ProblemException.undoTooLate("Counter " + counter.name + " has already called " + other.displayNumber
                        + "; " + token.displayNumber + " can no longer be undone");
            });
            token.undoClosing(startedSinceLastCall(token.id));
            record(JournalEventType.UNDONE, token, actor, "undid " + last.type + " -> " + token.status);
            return token;
        });
    }

    /**
     * The journal, not the token, says whether it was started (complete() fills startedAt in either way). An undo
     * brings back the state of the latest call or start, so earlier undos need not be read.
     */
    private boolean startedSinceLastCall(long tokenId) {
        JournalEntry latest = JournalEntry.<JournalEntry>find(
                "facility = ?1 and tokenId = ?2 and type in ?3 order by seq desc", facility.code(), tokenId,
                List.of(JournalEventType.CALLED, JournalEventType.STARTED)).firstResult();
        return latest != null && latest.type == JournalEventType.STARTED;
    }

    /** Moves the patient to another service's queue (e.g. consultation → sample collection), keeping the number. */
    public Token transfer(long tokenId, String serviceCode, String actor) {
        if (serviceCode == null || serviceCode.isBlank()) {
            throw ProblemException.invalid("serviceCode", "is required: the service to transfer to");
        }
        return transactions.run(() -> {
            ServicePoint target = ServicePoint.activeByCode(facility.code(), serviceCode);
            Token token = locks.todaysToken(tokenId);
            ServicePoint from = services.byId(token.serviceId);
            Long leftCounter = token.counterId;
            String leftCounterCode = counterCode(token);
            token.transferTo(target, clock.now());
            journal.append(JournalEventType.TRANSFERRED, JournalEntryBuilder.changed(token.journaled(null))
                    .fromService(from.id, from.code).at(leftCounter, leftCounterCode).actor(actor));
            return token;
        });
    }

    public Token cancel(long tokenId, String actor) {
        return transactions.run(() -> {
            Token token = locks.todaysToken(tokenId);
            token.cancel();
            record(JournalEventType.CANCELLED, token, actor, null);
            return token;
        });
    }

    /**
     * Back to WAITING behind the next {@code places} tokens of its lane (of the whole queue when the service
     * has no priority lane), by giving it a queue time between theirs.
     */
    private void putBack(Token token, QueueState queue, int places, String actor) {
        if (places < 0 || places > 1000) {
            throw ProblemException.invalid("requeueAfter", "must be between 0 and 1000");
        }
        ServicePoint service = services.byId(token.serviceId);
        boolean byLane = service.priorityInterleave > 0;
        List<Token> line = reads.waitingBesides(token).stream()
                .filter(t -> !byLane || t.priorityLane == token.priorityLane).toList();
        Instant queuedAt;
        if (line.isEmpty() || places == 0) {
            queuedAt = line.isEmpty() ? clock.now() : line.get(0).queuedAt.minusNanos(1000);
        } else if (places >= line.size()) {
            Instant last = line.get(line.size() - 1).queuedAt;
            queuedAt = last.isAfter(clock.now()) ? last.plusNanos(1000) : clock.now();
        } else {
            Instant before = line.get(places - 1).queuedAt;
            Instant after = line.get(places).queuedAt;
            long gapMicros = ChronoUnit.MICROS.between(before, after);
            queuedAt = before.plusNanos(Math.max(1, gapMicros / 2) * 1000);
        }
        token.requeue(queuedAt);
        record(JournalEventType.REQUEUED, token, actor, "after " + places);
    }

    private void record(JournalEventType type, Token token, String actor, String detail) {
        journal.append(type, JournalEntryBuilder.changed(token.journaled(counterCode(token), services.byId(token.serviceId)))
                .actor(actor).detail(detail));
    }

    private static String counterCode(Token token) {
        return token.counterId == null ? null : Counter.<Counter>findById(token.counterId).code;
    }
}
