package org.opdqueue.report;

import java.util.List;

/** A run of days (GET /api/reports/range): one row per day, and the weekday × hour arrivals a superintendent staffs by. */
public record RangeReport(String from, String to, List<DayRow> days, List<HeatCell> heatmap,
        List<DayReport.OutageRow> outages) {

    public record DayRow(String date, long issued, long completed, double noShowRate, Long waitingMedian,
            Long waitingP90) {
    }

    /** {@code arrivals}: the average per such weekday in the range (weekday 1 = Monday … 7 = Sunday). */
    public record HeatCell(int weekday, int hour, double arrivals) {
    }
}
