package org.opdqueue.report;

import java.util.Map;

/**
 * Everything measured of one day, as kept in its roll-up: the day report, the counter report, arrivals per clock hour,
 * and per service the estimate errors in whole minutes with how many tokens had each.
 */
public record DayFigures(DayReport day, CounterReport counters, long[] arrivalsByHour,
        Map<Long, Map<Integer, Long>> estimateErrors) {
}
