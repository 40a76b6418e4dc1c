package org.opdqueue.report;

import java.util.List;

/** The accuracy of the wait told at issue, per service over a range of days (GET /api/reports/estimates). */
public record EstimateReport(String from, String to, List<DayReport.EstimateRow> byService) {
}
