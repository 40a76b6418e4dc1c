package org.opdqueue.queue;

import java.time.Duration;

/**
 * How long the people ahead will take, from what the queue knows now. Two ways, compared on a replayed OPD day
 * ({@code report/EstimatorReplay} in the tests; the table is in the README) before one was chosen:
 * <ul>
 * <li>{@link #AVERAGE_SERVICE}: people ahead × the recent average service time (start to complete) / open counters.
 * Blind to what a counter spends besides serving: calling and waiting for the patient to walk up, no-shows, counters
 * open on paper but not calling.</li>
 * <li>{@link #RECENT_CALL_RATE}: people ahead / the rate at which this service's queue was actually called in the last
 * half hour (every call takes one person off the queue, whatever it cost the counter); the average-service way until
 * the day has a few calls to go by.</li>
 * </ul>
 */
public enum WaitEstimator {
    AVERAGE_SERVICE,
    RECENT_CALL_RATE;

    /** The one in use: the replay measured it better (README, "Honest wait estimates"). */
    public static final WaitEstimator CHOSEN = RECENT_CALL_RATE;

    /** The look-back of {@link #RECENT_CALL_RATE}. */
    public static final Duration WINDOW = Duration.ofMinutes(30);

    /** Fewer calls than this in the window: too few to go by. */
    static final int ENOUGH_CALLS = 5;

    /**
     * What the queue knows when a token is issued.
     *
     * @param averageService  recent average start-to-complete time (or the service's usual one)
     * @param openCounters    counters serving the service that are open now
     * @param recentCalls     calls in this service within the window
     * @param calledFor       how much of the window the service was calling (from its first call of the day, at most the window)
     */
    public record Load(Duration averageService, int openCounters, int recentCalls, Duration calledFor) {
    }

    /** Estimated wait in whole minutes, rounded up. */
    public long minutes(long ahead, Load load) {
        return (seconds(ahead, load) + 59) / 60;
    }

    public long seconds(long ahead, Load load) {
        if (this == RECENT_CALL_RATE && load.recentCalls() >= ENOUGH_CALLS && load.calledFor().toSeconds() >= 300) {
            double perSecond = (double) load.recentCalls() / load.calledFor().toSeconds();
            return Math.round(ahead / perSecond);
        }
        return ahead * load.averageService().toSeconds() / Math.max(1, load.openCounters());
    }
}
