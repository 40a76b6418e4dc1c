package org.opdqueue.report;

import java.util.List;

/** Counters on one day (GET /api/reports/counters): open and serving time, utilisation, and who served how many. */
public record CounterReport(String date, List<CounterRow> counters) {

    /** {@code utilisation}: servingSeconds / openSeconds (null when the counter was never open on record). */
    public record CounterRow(long counterId, String counterName, long openSeconds, long servingSeconds,
            Double utilisation, long completed, Spread service, List<StaffRow> byStaff) {
    }

    public record StaffRow(String staff, long completed, Spread service) {
    }
}
