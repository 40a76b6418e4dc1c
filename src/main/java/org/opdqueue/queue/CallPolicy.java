package org.opdqueue.queue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The one place that knows the order in which a service's queue is called.
 * <p>
 * Two lanes: priority categories and general. While both lanes have someone waiting, at most
 * {@code interleave} priority tokens are called in a row, then one general token, so nobody starves.
 * Within a lane, tokens go by queue time. An interleave of 0 means no priority lane: queue time only.
 *
 * @param interleave    priority tokens allowed in a row while general tokens wait
 * @param priorityRun   priority tokens already called in a row on this queue
 */
public record CallPolicy(int interleave, int priorityRun) {

    public enum Lane {
        PRIORITY,
        GENERAL
    }

    /**
     * Which lane is called next, or null when nobody waits.
     *
     * @param priorityHeadFirst whether the priority lane's head was queued before the general lane's head
     *                          (decides alone when there is no priority lane)
     */
    public Lane nextLane(boolean priorityWaiting, boolean generalWaiting, boolean priorityHeadFirst) {
        if (!priorityWaiting) {
            return generalWaiting ? Lane.GENERAL : null;
        }
        if (!generalWaiting) {
            return Lane.PRIORITY;
        }
        if (!hasPriorityLane()) {
            return priorityHeadFirst ? Lane.PRIORITY : Lane.GENERAL;
        }
        return priorityRun < interleave ? Lane.PRIORITY : Lane.GENERAL;
    }

    public boolean hasPriorityLane() {
        return interleave > 0;
    }

    public CallPolicy after(Lane called) {
        return new CallPolicy(interleave, called == Lane.PRIORITY ? priorityRun + 1 : 0);
    }

    /** Both lanes (each in queue-time order) merged into the order they will be called in. */
    public <T> List<T> callOrder(List<T> priority, List<T> general, Comparator<T> byQueueTime) {
        List<T> order = new ArrayList<>(priority.size() + general.size());
        int p = 0;
        int g = 0;
        CallPolicy state = this;
        while (p < priority.size() || g < general.size()) {
            boolean bothWaiting = p < priority.size() && g < general.size();
            Lane lane = state.nextLane(p < priority.size(), g < general.size(),
                    bothWaiting && byQueueTime.compare(priority.get(p), general.get(g)) < 0);
            order.add(lane == Lane.PRIORITY ? priority.get(p++) : general.get(g++));
            state = state.after(lane);
        }
        return order;
    }

    /**
     * How many are called before a token, from counts alone (what {@link #callOrder} would give).
     * Only for a policy with a priority lane; without one, everyone queued earlier is ahead.
     *
     * @param sameLaneAhead  tokens ahead of it in its own lane
     * @param otherLaneWaiting tokens waiting in the other lane
     */
    public long peopleAhead(boolean inPriorityLane, long sameLaneAhead, long otherLaneWaiting) {
        long firstRun = Math.max(0, interleave - priorityRun);
        if (inPriorityLane) {
            long generalBefore = sameLaneAhead < firstRun ? 0 : 1 + (sameLaneAhead - firstRun) / interleave;
            return sameLaneAhead + Math.min(otherLaneWaiting, generalBefore);
        }
        long priorityBefore = firstRun + sameLaneAhead * interleave;
        return sameLaneAhead + Math.min(otherLaneWaiting, priorityBefore);
    }
}
