package org.opdqueue.outage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.opdqueue.common.HospitalClock;
import org.opdqueue.common.ProblemException;
import org.opdqueue.display.DisplayFeed;
import org.opdqueue.nodes.FanOut;

/**
 * Calls that counters make by number while the database is away: shown on the boards at once and kept in
 * memory until the database is back, when {@link OutageRecovery} writes them into the journal. With several nodes,
 * each call also goes through Redis to every other node, which shows it and keeps it too: whichever node is alive
 * when the database is back writes it, once (its id is a unique key in {@code relayed_call}).
 */
@ApplicationScoped
public class CallRelay {

    /** {@code id}: given by the node that took the call, the same on every node that keeps it. */
    public record RelayedCall(String id, long counterId, String number, Instant at, String actor) {
    }

    /** The order in which every node writes them: the same order on all, so two nodes never wait on each other. */
    static final Comparator<RelayedCall> WRITING_ORDER = Comparator.comparing(RelayedCall::at).thenComparing(RelayedCall::id);

    private final DisplayFeed feed;
    private final FanOut fanOut;
    private final HospitalClock clock;
    private final Map<String, RelayedCall> pending = new ConcurrentHashMap<>();
    /** Relayed and not yet in the journal, counting those taken by a recovery still writing them. */
    private final AtomicInteger unwritten = new AtomicInteger();

    public CallRelay(DisplayFeed feed, FanOut fanOut, HospitalClock clock) {
        this.feed = feed;
        this.fanOut = fanOut;
        this.clock = clock;
    }

    public RelayedCall relay(long counterId, String number, String actor) {
        if (number == null || !number.strip().toUpperCase().matches("[A-Z0-9]{1,8}-[A-Z0-9]{1,12}")) {
            throw ProblemException.invalid("number", "give the number being called, e.g. MED-042");
        }
        RelayedCall call = new RelayedCall(UUID.randomUUID().toString(), counterId, number.strip().toUpperCase(),
                clock.now(), actor);
        keep(call);
        feed.relayCall(counterId, call.number(), call.at());
        fanOut.relayed(new FanOut.RelayedCall(call.id(), counterId, call.number(), call.at(), actor));
        return call;
    }

    /** A call another node took (its boards showed it through the feed): kept here too in case that node dies. */
    void heard(FanOut.RelayedCall call) {
        keep(new RelayedCall(call.id(), call.counterId(), call.number(), call.at(), call.actor()));
    }

    private void keep(RelayedCall call) {
        if (pending.putIfAbsent(call.id(), call) == null) {
            unwritten.incrementAndGet();
        }
    }

    /** How many relayed calls wait to be written into the journal. */
    int waiting() {
        return pending.size();
    }

    /** Takes the calls to write into the journal, in {@link #WRITING_ORDER}; those not written are given back. */
    List<RelayedCall> drain() {
        List<RelayedCall> calls = new ArrayList<>();
        for (String id : List.copyOf(pending.keySet())) {
            RelayedCall call = pending.remove(id);
            if (call != null) {
                calls.add(call);
            }
        }
        calls.sort(WRITING_ORDER);
        return calls;
    }

    void giveBack(List<RelayedCall> calls) {
        calls.forEach(c -> pending.put(c.id(), c));
    }

    /** In the journal now, by this node or (found already written) by another. */
    void written(List<RelayedCall> calls) {
        unwritten.addAndGet(-calls.size());
    }

    /** True once every call relayed during an outage is in the journal. */
    public boolean allWritten() {
        return unwritten.get() == 0;
    }
}
