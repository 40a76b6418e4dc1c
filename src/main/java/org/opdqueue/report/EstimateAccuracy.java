package org.opdqueue.report;

import java.util.Map;
import java.util.TreeMap;

/** Median absolute error, share within ±10 minutes and bias, from errors in whole minutes and their token counts. */
final class EstimateAccuracy {

    private EstimateAccuracy() {
    }

    static DayReport.EstimateRow of(String serviceCode, Map<Integer, Long> errors) {
        long n = errors.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return new DayReport.EstimateRow(serviceCode, 0, null, null, null);
        }
        TreeMap<Integer, Long> byAbs = new TreeMap<>();
        long within = 0;
        long sum = 0;
        for (Map.Entry<Integer, Long> e : errors.entrySet()) {
            byAbs.merge(Math.abs(e.getKey()), e.getValue(), Long::sum);
            within += Math.abs(e.getKey()) <= 10 ? e.getValue() : 0;
            sum += (long) e.getKey() * e.getValue();
        }
        long rank = (n + 1) / 2; // nearest rank, as Spread
        long seen = 0;
        int median = 0;
        for (Map.Entry<Integer, Long> e : byAbs.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                median = e.getKey();
                break;
            }
        }
        return new DayReport.EstimateRow(serviceCode, n, (double) median, round3((double) within / n),
                round3((double) sum / n));
    }

    static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
