package org.opdqueue.queue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.common.ProblemException;
import org.opdqueue.common.Transactions;
import org.opdqueue.counter.Counter;
import org.opdqueue.counter.CounterState;
import org.opdqueue.journal.Journal;
import org.opdqueue.journal.JournalEntryBuilder;
import org.opdqueue.journal.JournalEventType;
import org.opdqueue.servicepoint.QueueState;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.token.Token;
import org.opdqueue.token.TokenTransition;

/**
 * A counter calling a patient: the next one by the call policy, or a given one by number. Each queue's
 * policy row is locked while its next token is chosen, so fifty counters pressing "call next" at once
 * take fifty different tokens.
 */
@ApplicationScoped
public class Calling {

    private final Facility facility;
    private final HospitalClock clock;
    private final QueueLocks locks;
    private final Journal journal;
    /** Gives each command its own new transaction and runs it again when it lost to a deadlock (see Transactions). */
    private final Transactions transactions;
    private final QueueReads reads;
    private final KeptServices services;

    public Calling(Facility facility, HospitalClock clock, QueueLocks locks, Journal journal, Transactions transactions,
            QueueReads reads, KeptServices services) {
        this.services = services;
        this.facility = facility;
        this.clock = clock;
        this.locks = locks;
        this.journal = journal;
        this.transactions = transactions;
        this.reads = reads;
    }

    /** The token now called at the counter, or empty when nobody waits for its services. */
    public Optional<Token> callNext(long counterId, String actor) {
        return transactions.run(() -> {
            Counter counter = readyCounter(counterId);
            List<QueueState> queues = locks.queues(services.servedBy(counter));
            Candidate best = null;
            for (QueueState queue : queues) {
                Candidate candidate = candidateOf(queue);
                if (candidate != null && (best == null || QueueReads.BY_QUEUE_TIME.compare(candidate.token, best.token) < 0)) {
                    best = candidate;
                }
            }
            if (best == null) {
                return Optional.<Token>empty();
            }
            best.queue.priorityRun = best.policy.after(best.lane).priorityRun();
            return Optional.of(markCalled(best.token, counter, actor));
        });
    }

    /** Calls a particular waiting (or no-show) token: by its number as said aloud, or by id. */
    public Token call(long counterId, String number, Long tokenId, String actor) {
        return transactions.run(() -> {
            Counter counter = readyCounter(counterId);
            Long id = tokenId != null ? tokenId : idOfNumber(number);
            locks.queueOfToken(id);
            Token token = locks.todaysToken(id);
            if (!services.servedBy(counter).contains(token.serviceId)) {
                throw ProblemException.illegal("Counter " + counter.name + " does not serve the queue of " + token.displayNumber);
            }
            return markCalled(token, counter, actor);
        });
    }

    /**
     * Writes a call that a counter made by number while the database was away (the boards already showed it).
     * A known waiting token becomes CALLED at that counter; whatever the counter held before is taken as served.
     * A number not in the system yet (a paper token) is journaled only.
     */
    public void recordRelayedCall(long counterId, String number, Instant at, String actor) {
        Counter counter = locks.counter(counterId);
        String detail = "called by number while the database was away";
        Token token = Token.findByDisplayNumber(facility.code(), clock.businessDayOf(at), number).orElse(null);
        if (token == null || !token.allows(TokenTransition.CALL)) {
            journal.append(JournalEventType.CALLED, JournalEntryBuilder.about(token == null ? null : token.id, number,
                    token == null ? null : token.serviceId).at(counter.id, counter.code).actor(actor).degraded(null, at).detail(detail)
                    .replayedFromOutage());
            return;
        }
        reads.heldBy(counter).forEach(held -> {
            held.complete(at);
            journal.append(JournalEventType.COMPLETED, JournalEntryBuilder.changed(held.journaled(counter.code))
                    .at(counter.id, counter.code).actor(actor).degraded(null, at)
                    .detail("taken as served when the counter called the next by number").replayedFromOutage());
        });
        token.call(counter.id, at);
        journal.append(JournalEventType.CALLED, JournalEntryBuilder.changed(token.journaled(counter.code))
                .actor(actor).degraded(null, at).detail(detail).replayedFromOutage());
    }

    private Long idOfNumber(String number) {
        if (number == null || number.isBlank()) {
            throw ProblemException.invalid("number", "give the token number (e.g. MED-042) or tokenId");
        }
        return Token.findByDisplayNumber(facility.code(), clock.businessDay(), number.strip().toUpperCase())
                .map(t -> t.id)
                .orElseThrow(() -> ProblemException.notFound("Today's token", number.strip()));
    }

    private Counter readyCounter(long counterId) {
        Counter counter = locks.counter(counterId);
        if (counter.state != CounterState.OPEN) {
            throw ProblemException.illegal("Counter " + counter.name + " is " + counter.state + "; open it before calling");
        }
        reads.heldBy(counter).stream().findFirst().ifPresent(current -> {
            throw ProblemException.illegal("Counter " + counter.name + " still has " + current.displayNumber
                    + " " + current.status + ": complete it or mark it no-show first");
        });
        return counter;
    }

    private record Candidate(QueueState queue, CallPolicy policy, CallPolicy.Lane lane, Token token) {
    }

    private Candidate candidateOf(QueueState queue) {
        ServicePoint service = services.byId(queue.serviceId);
        CallPolicy policy = new CallPolicy(service.priorityInterleave, queue.priorityRun);
        QueueReads.Heads heads = reads.headsOf(queue.serviceId);
        Token priorityHead = heads.priority();
        Token generalHead = heads.general();
        CallPolicy.Lane lane = policy.nextLane(priorityHead != null, generalHead != null,
                priorityHead != null && generalHead != null && QueueReads.BY_QUEUE_TIME.compare(priorityHead, generalHead) < 0);
        if (lane == null) {
            return null;
        }
        return new Candidate(queue, policy, lane, lane == CallPolicy.Lane.PRIORITY ? priorityHead : generalHead);
    }

    private Token markCalled(Token token, Counter counter, String actor) {
        token.call(counter.id, clock.now());
        journal.append(JournalEventType.CALLED,
                JournalEntryBuilder.changed(token.journaled(counter.code, services.byId(token.serviceId))).actor(actor));
        return token;
    }
}
