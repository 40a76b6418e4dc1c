package org.opdqueue.display;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * The journal entries the feed has handled lately, by seq. This node's own entries reach the feed twice (right after
 * commit, and read back by the {@link JournalFollower}), in either order; the boards are sent each once. A seq is
 * forgotten once the follower has read past it and it is old enough that its other arrival has come too.
 */
final class HandledSeqs {

    /** Far longer than between a commit and its delivery to the feed, which happen on the committing thread. */
    static final long KEEP_NANOS = 10_000_000_000L;

    private record Handled(long seq, long at) {
    }

    private final Set<Long> seqs = new HashSet<>();
    private final ArrayDeque<Handled> order = new ArrayDeque<>();
    /** Below this the follower reads nothing more. */
    private long followedTo;

    /** True the first time: send it. */
    boolean first(long seq) {
        long now = System.nanoTime();
        forgetOld(now);
        if (!seqs.add(seq)) {
            return false;
        }
        order.add(new Handled(seq, now));
        return true;
    }

    void followedTo(long seq) {
        followedTo = Math.max(followedTo, seq);
    }

    private void forgetOld(long now) {
        while (!order.isEmpty() && order.peek().seq() < followedTo && now - order.peek().at() > KEEP_NANOS) {
            seqs.remove(order.poll().seq());
        }
    }
}
