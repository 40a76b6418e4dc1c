package org.opdqueue.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.opdqueue.common.ProblemException;

/** Each report table as CSV: the same rows as the JSON, plus a TOTAL row where the page shows totals. */
public final class ReportCsv {

    private ReportCsv() {
    }

    public static final List<String> DAY_TABLES = List.of("byService", "byHour", "byChannel", "byCategory", "outages",
            "estimate");

    public static String day(DayReport r, String table) {
        switch (table == null ? "byService" : table) {
            case "byService" -> {
                Csv csv = new Csv(header(List.of("date", "service_code", "service_name", "issued", "transferred_in",
                        "completed", "no_show", "cancelled"), "waiting", "service"));
                r.byService().forEach(s -> csv.row(cells(List.of(r.date(), s.serviceCode(), s.serviceName(), s.issued(),
                        s.transferredIn(), s.completed(), s.noShow(), s.cancelled()), s.waiting(), s.service())));
                DayReport.Totals t = r.totals();
                csv.row(cells(Arrays.asList(r.date(), "TOTAL", "", t.issued(), null, t.completed(), t.noShow(),
                        t.cancelled()), t.waiting(), t.service()));
                return csv.toString();
            }
            case "byHour" -> {
                Csv csv = new Csv(header(List.of("date", "hour", "arrivals", "completions"), "waiting"));
                r.byHour().forEach(h -> csv.row(cells(List.of(r.date(), h.hour(), h.arrivals(), h.completions()),
                        h.waiting())));
                return csv.toString();
            }
            case "byChannel" -> {
                Csv csv = new Csv("date", "channel", "issued");
                r.byChannel().forEach(c -> csv.row(r.date(), c.channel(), c.issued()));
                return csv.toString();
            }
            case "byCategory" -> {
                Csv csv = new Csv(header(List.of("date", "category", "issued"), "waiting"));
                r.byCategory().forEach(c -> csv.row(cells(List.of(r.date(), c.category(), c.issued()), c.waiting())));
                return csv.toString();
            }
            case "outages" -> {
                return outages(r.outages());
            }
            case "estimate" -> {
                return estimates(r.estimate().byService());
            }
            default -> throw ProblemException.invalid("table", "one of " + String.join(", ", DAY_TABLES));
        }
    }

    public static String range(RangeReport r, String table) {
        switch (table == null ? "days" : table) {
            case "days" -> {
                Csv csv = new Csv("date", "issued", "completed", "no_show_rate", "waiting_median_s", "waiting_p90_s");
                r.days().forEach(d -> csv.row(d.date(), d.issued(), d.completed(), d.noShowRate(), d.waitingMedian(),
                        d.waitingP90()));
                csv.row("TOTAL", r.days().stream().mapToLong(RangeReport.DayRow::issued).sum(),
                        r.days().stream().mapToLong(RangeReport.DayRow::completed).sum(), null, null, null);
                return csv.toString();
            }
            case "heatmap" -> {
                Csv csv = new Csv("weekday", "hour", "arrivals_per_day");
                r.heatmap().forEach(c -> csv.row(c.weekday(), c.hour(), c.arrivals()));
                return csv.toString();
            }
            case "outages" -> {
                return outages(r.outages());
            }
            default -> throw ProblemException.invalid("table", "one of days, heatmap, outages");
        }
    }

    public static String counters(CounterReport r, String table) {
        switch (table == null ? "counters" : table) {
            case "counters" -> {
                Csv csv = new Csv(header(List.of("date", "counter_id", "counter_name", "open_s", "serving_s",
                        "utilisation", "completed"), "service"));
                r.counters().forEach(c -> csv.row(cells(Arrays.asList(r.date(), c.counterId(), c.counterName(),
                        c.openSeconds(), c.servingSeconds(), c.utilisation(), c.completed()), c.service())));
                return csv.toString();
            }
            case "byStaff" -> {
                Csv csv = new Csv(header(List.of("date", "counter_id", "counter_name", "staff", "completed"), "service"));
                r.counters().forEach(c -> c.byStaff().forEach(s -> csv.row(cells(Arrays.asList(r.date(), c.counterId(),
                        c.counterName(), s.staff(), s.completed()), s.service()))));
                return csv.toString();
            }
            default -> throw ProblemException.invalid("table", "one of counters, byStaff");
        }
    }

    public static String estimates(List<DayReport.EstimateRow> rows) {
        Csv csv = new Csv("service_code", "tokens", "median_abs_error_min", "within_10_min_share", "bias_min");
        rows.forEach(e -> csv.row(e.serviceCode(), e.tokens(), e.medianAbsErrorMinutes(), e.within10MinShare(),
                e.biasMinutes()));
        return csv.toString();
    }

    private static String outages(List<DayReport.OutageRow> outages) {
        Csv csv = new Csv("from", "to", "kind", "channel", "tokens");
        outages.forEach(o -> o.tokensByChannel().forEach((ch, n) -> csv.row(o.from(), o.to(), o.kind(), ch, n)));
        return csv.toString();
    }

    private static String[] header(List<String> first, String... spreads) {
        List<String> all = new ArrayList<>(first);
        for (String s : spreads) {
            all.addAll(Arrays.asList(Csv.spreadHeader(s)));
        }
        return all.toArray(String[]::new);
    }

    private static Object[] cells(List<?> first, Spread... spreads) {
        List<Object> all = new ArrayList<>(first);
        for (Spread s : spreads) {
            all.addAll(Csv.spread(s));
        }
        return all.toArray();
    }
}
