package org.opdqueue.report;

import java.util.List;
import java.util.Map;

/** One business day's figures (GET /api/reports/day). Times are ISO strings in the hospital's zone; durations seconds. */
public record DayReport(String date, Totals totals, List<Hour> byHour, List<ServiceRow> byService,
        List<ChannelRow> byChannel, List<CategoryRow> byCategory, List<OutageRow> outages, Estimates estimate) {

    /**
     * {@code noShow}: tokens that ended the day as no-shows (a no-show who came back and was seen counts as completed,
     * and in {@code returnedAfterNoShow}); rates are shares of {@code issued}.
     */
    public record Totals(long issued, long completed, long noShow, long cancelled, double noShowRate,
            double cancelRate, Spread waiting, Spread service, long transferred, long returnedAfterNoShow) {
    }

    /** {@code waiting}: of the visits that began (issue or transfer in) in this hour. */
    public record Hour(int hour, long arrivals, long completions, Spread waiting) {
    }

    /**
     * {@code issued}: tokens issued to this service; {@code transferredIn}: sent here from another one. completed,
     * noShow, cancelled: how tokens ended the day here. {@code waiting} and {@code service}: every visit here.
     */
    public record ServiceRow(String serviceCode, String serviceName, String serviceNameHi, long issued,
            long transferredIn, long completed, long noShow, long cancelled, Spread waiting, Spread service) {
    }

    public record ChannelRow(String channel, long issued) {
    }

    public record CategoryRow(String category, long issued, Spread waiting) {
    }

    /** An outage overlapping the period, with the tokens issued during it (by issue time) per channel. */
    public record OutageRow(String from, String to, String kind, Map<String, Long> tokensByChannel) {
    }

    public record Estimates(List<EstimateRow> byService) {
    }

    /**
     * How good the wait told at issue was, over tokens that were told one and called: error = actual wait (issue to
     * first call) − told, in minutes; bias is the mean error (positive: patients waited longer than told).
     */
    public record EstimateRow(String serviceCode, long tokens, Double medianAbsErrorMinutes, Double within10MinShare,
            Double biasMinutes) {
    }
}
