package org.opdqueue.queue;

import java.time.Instant;
import java.util.Comparator;
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
import org.opdqueue.token.TokenStatus;

/**
 * A counter calling a patient: the next one by the call policy, or a given one by number. Each queue's
 * policy row is locked while its next token is chosen, so fifty counters pressing "call next" at once
 * take fifty different tokens.
 */
@ApplicationScoped
public class Calling {

    public static final Comparator<Token> BY_QUEUE_TIME = Comparator.comparing((Token t) -> t.queuedAt)
            .thenComparing(t -> t.id);

    private final Facility facility;
    private final HospitalClock clock;
    private final QueueLocks locks;
    private final Journal journal;
    private final Transactions transactions;

    public Calling(Facility facility, HospitalClock clock, QueueLocks locks, Journal journal, Transactions transactions) {
        this.facility = facility;
        this.clock = clock;
        this.locks = locks;
        this.journal = journal;
        this.transactions = transactions;
    }

    /** The token now called at the counter, or empty when nobody waits for its services. */
    public Optional<Token> callNext(long counterId, String actor) {
        return transactions.run(() -> {
            Counter counter = readyCounter(counterId);
            List<QueueState> queues = locks.queues(counter.serviceIds());
            Candidate best = null;
            for (QueueState queue : queues) {
                Candidate candidate = candidateOf(queue);
                if (candidate != null && (best == null || BY_QUEUE_TIME.compare(candidate.token, best.token) < 0)) {
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
            if (!counter.serviceIds().contains(token.serviceId)) {
                throw ProblemException.illegal("Counter " + counter.name + " does not serve the queue of " + token.displayNumber);
            }
            if (token.status != TokenStatus.WAITING && token.status != TokenStatus.NO_SHOW) {
                throw ProblemException.illegal("Token " + token.displayNumber + " is " + token.status + ", it cannot be called");
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
        if (token == null || (token.status != TokenStatus.WAITING && token.status != TokenStatus.NO_SHOW)) {
            journal.append(JournalEventType.CALLED, JournalEntryBuilder.about(token == null ? null : token.id, number,
                    token == null ? null : token.serviceId).counter(counterId).actor(actor).degraded(null, at).detail(detail)
                    .replayedFromOutage());
            return;
        }
        Token.<Token>find("facility = ?1 and counterId = ?2 and status in ?3", counter.facility, counter.id,
                TokenStatus.AT_COUNTER).list().forEach(held -> {
                    held.status = TokenStatus.COMPLETED;
                    held.completedAt = at;
                    held.startedAt = held.startedAt == null ? held.calledAt : held.startedAt;
                    journal.append(JournalEventType.COMPLETED, JournalEntryBuilder.about(held.id, held.displayNumber,
                            held.serviceId).counter(counterId).actor(actor).degraded(null, at)
                            .detail("taken as served when the counter called the next by number").replayedFromOutage());
                });
        token.status = TokenStatus.CALLED;
        token.counterId = counter.id;
        token.calledAt = at;
        token.callCount++;
        journal.append(JournalEventType.CALLED, JournalEntryBuilder.about(token.id, number, token.serviceId)
                .counter(counterId).actor(actor).degraded(null, at).detail(detail).replayedFromOutage());
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
        Token.<Token>find("facility = ?1 and counterId = ?2 and status in ?3", counter.facility, counter.id,
                TokenStatus.AT_COUNTER).firstResultOptional().ifPresent(current -> {
                    throw ProblemException.illegal("Counter " + counter.name + " still has " + current.displayNumber
                            + " " + current.status + ": complete it or mark it no-show first");
                });
        return counter;
    }

    private record Candidate(QueueState queue, CallPolicy policy, CallPolicy.Lane lane, Token token) {
    }

    private Candidate candidateOf(QueueState queue) {
        ServicePoint service = ServicePoint.findById(queue.serviceId);
        CallPolicy policy = new CallPolicy(service.priorityInterleave, queue.priorityRun);
        Token priorityHead = head(queue.serviceId, true);
        Token generalHead = head(queue.serviceId, false);
        CallPolicy.Lane lane = policy.nextLane(priorityHead != null, generalHead != null,
                priorityHead != null && generalHead != null && BY_QUEUE_TIME.compare(priorityHead, generalHead) < 0);
        if (lane == null) {
            return null;
        }
        return new Candidate(queue, policy, lane, lane == CallPolicy.Lane.PRIORITY ? priorityHead : generalHead);
    }

    private Token head(Long serviceId, boolean priorityLane) {
        return Token.<Token>find("""
                facility = ?1 and serviceId = ?2 and businessDay = ?3 and status = ?4 and priorityLane = ?5
                order by queuedAt, id""", facility.code(), serviceId, clock.businessDay(), TokenStatus.WAITING,
                priorityLane).firstResult();
    }

    private Token markCalled(Token token, Counter counter, String actor) {
        token.status = TokenStatus.CALLED;
        token.counterId = counter.id;
        token.calledAt = clock.now();
        token.callCount++;
        journal.append(JournalEventType.CALLED,
                JournalEntryBuilder.about(token.id, token.displayNumber, token.serviceId).counter(counter.id).actor(actor));
        return token;
    }
}
