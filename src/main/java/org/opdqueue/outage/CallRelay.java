package org.opdqueue.outage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.opdqueue.common.HospitalClock;
import org.opdqueue.common.ProblemException;
import org.opdqueue.display.DisplayFeed;

/**
 * Calls that counters make by number while the database is away: shown on the boards at once and kept in
 * memory until the database is back, when {@link OutageRecovery} writes them into the journal.
 */
@ApplicationScoped
public class CallRelay {

    public record RelayedCall(long counterId, String number, Instant at, String actor) {
    }

    private final DisplayFeed feed;
    private final HospitalClock clock;
    private final ConcurrentLinkedQueue<RelayedCall> pending = new ConcurrentLinkedQueue<>();
    /** Relayed and not yet in the journal, counting those taken by a recovery still writing them. */
    private final AtomicInteger unwritten = new AtomicInteger();

    public CallRelay(DisplayFeed feed, HospitalClock clock) {
        this.feed = feed;
        this.clock = clock;
    }

    public RelayedCall relay(long counterId, String number, String actor) {
        if (number == null || !number.strip().toUpperCase().matches("[A-Z0-9]{1,8}-[A-Z0-9]{1,12}")) {
            throw ProblemException.invalid("number", "give the number being called, e.g. MED-042");
        }
        RelayedCall call = new RelayedCall(counterId, number.strip().toUpperCase(), clock.now(), actor);
        unwritten.incrementAndGet();
        pending.add(call);
        feed.relayCall(counterId, call.number(), call.at());
        return call;
    }

    /** How many relayed calls wait to be written into the journal. */
    int waiting() {
        return pending.size();
    }

    /** Takes the calls to write into the journal; those that could not be written are given back. */
    List<RelayedCall> drain() {
        List<RelayedCall> calls = new ArrayList<>();
        for (RelayedCall c; (c = pending.poll()) != null;) {
            calls.add(c);
        }
        return calls;
    }

    void giveBack(List<RelayedCall> calls) {
        pending.addAll(calls);
    }

    void written(List<RelayedCall> calls) {
        unwritten.addAndGet(-calls.size());
    }

    /** True once every call relayed during an outage is in the journal. */
    public boolean allWritten() {
        return unwritten.get() == 0;
    }
}
