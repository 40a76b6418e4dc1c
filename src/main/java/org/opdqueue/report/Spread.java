package org.opdqueue.report;

import java.util.Arrays;
import java.util.Collection;

/**
 * Median, 90th percentile and maximum of durations in seconds, by the nearest rank: the p-th percentile of n values is
 * the ceil(p·n)-th smallest (so the median of 4 values is the 2nd). All null when there is no value.
 */
public record Spread(Long median, Long p90, Long max) {

    public static final Spread NONE = new Spread(null, null, null);

    public static Spread of(Collection<Long> seconds) {
        return of(seconds.stream().mapToLong(Long::longValue).toArray());
    }

    public static Spread of(long[] seconds) {
        if (seconds.length == 0) {
            return NONE;
        }
        long[] sorted = seconds.clone();
        Arrays.sort(sorted);
        return new Spread(rank(sorted, 0.5), rank(sorted, 0.9), sorted[sorted.length - 1]);
    }

    static long rank(long[] sorted, double p) {
        int k = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, k - 1)];
    }
}
