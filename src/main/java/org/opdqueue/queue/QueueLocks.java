package org.opdqueue.queue;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.common.ProblemException;
import org.opdqueue.counter.Counter;
import org.opdqueue.servicepoint.QueueState;
import org.opdqueue.token.Token;

/**
 * Row locks taken by queue commands, always in the same order (counter, then queues by service id,
 * then token) so that concurrent commands wait for each other instead of deadlocking.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class QueueLocks {

    private final Facility facility;
    private final HospitalClock clock;

    public QueueLocks(Facility facility, HospitalClock clock) {
        this.facility = facility;
        this.clock = clock;
    }

    public Counter counter(long counterId) {
        Counter counter = Counter.findById(counterId, LockModeType.PESSIMISTIC_WRITE);
        if (counter == null || !facility.code().equals(counter.facility)) {
            throw ProblemException.notFound("Counter", counterId);
        }
        return counter;
    }

    /**
     * The queues of these services, each locked by its id in id order (the order every command keeps). One statement a
     * queue, not one {@code in} query: Hibernate makes the SQL of a query with a list parameter again at every run, and
     * most counters serve a single queue.
     */
    public List<QueueState> queues(Collection<Long> serviceIds) {
        return serviceIds.stream().sorted().distinct().map(this::queue).filter(Objects::nonNull).toList();
    }

    public QueueState queue(Long serviceId) {
        return QueueState.findById(serviceId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The queue a token is in, locked before the token itself (the order every command keeps). */
    public QueueState queueOfToken(long tokenId) {
        Long serviceId = Token.<Token>find("id = ?1 and facility = ?2", tokenId, facility.code())
                .project(ServiceOfToken.class).firstResultOptional().map(ServiceOfToken::serviceId)
                .orElseThrow(() -> ProblemException.notFound("Token", tokenId));
        return queue(serviceId);
    }

    /** The counter the token was last at (null: none), read without locking the token. */
    public Long counterOfToken(long tokenId) {
        return Token.<Token>find("id = ?1 and facility = ?2", tokenId, facility.code()).project(CounterOfToken.class)
                .firstResultOptional().orElseThrow(() -> ProblemException.notFound("Token", tokenId)).counterId();
    }

    public record CounterOfToken(Long counterId) {
    }

    /** Just the token's current service, read without loading (and so without holding) the token. */
    public record ServiceOfToken(Long serviceId) {
    }

    /** Today's token with this id, locked; another day's token cannot be acted on. */
    public Token todaysToken(long tokenId) {
        Token token = Token.findById(tokenId, LockModeType.PESSIMISTIC_WRITE);
        if (token == null || !facility.code().equals(token.facility)) {
            throw ProblemException.notFound("Token", tokenId);
        }
        requireToday(token);
        return token;
    }

    public void requireToday(Token token) {
        if (!token.businessDay.equals(clock.businessDay())) {
            throw ProblemException.illegal("Token " + token.displayNumber + " belongs to " + token.businessDay
                    + ", not today's queue (" + clock.businessDay() + ")");
        }
    }
}
