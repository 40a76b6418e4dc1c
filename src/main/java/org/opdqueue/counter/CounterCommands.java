package org.opdqueue.counter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.opdqueue.common.Facility;
import org.opdqueue.common.ProblemException;
import org.opdqueue.common.Transactions;
import org.opdqueue.journal.Journal;
import org.opdqueue.journal.JournalEntryBuilder;
import org.opdqueue.journal.JournalEventType;

@ApplicationScoped
public class CounterCommands {

    private final Facility facility;
    private final Journal journal;
    /** Gives each command its own new transaction and runs it again when it lost to a deadlock (see Transactions). */
    private final Transactions transactions;

    public CounterCommands(Facility facility, Journal journal, Transactions transactions) {
        this.facility = facility;
        this.journal = journal;
        this.transactions = transactions;
    }

    /** Opens, pauses or closes a counter; a token it holds stays with it. */
    public Counter changeState(long counterId, CounterState state, String actor) {
        return transactions.run(() -> {
            Counter counter = Counter.findById(counterId, LockModeType.PESSIMISTIC_WRITE);
            if (counter == null || !facility.code().equals(counter.facility)) {
                throw ProblemException.notFound("Counter", counterId);
            }
            if (counter.state != state) {
                CounterState before = counter.state;
                counter.state = state;
                journal.append(JournalEventType.COUNTER_STATE_CHANGED,
                        JournalEntryBuilder.counterChanged(counter.id, counter.code, before, state).actor(actor));
            }
            return counter;
        });
    }
}
