package org.opdqueue.report;

import java.sql.Date;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.opdqueue.common.Facility;
import org.opdqueue.common.Failures;
import org.opdqueue.common.ProblemException;
import org.opdqueue.common.ProblemType;
import org.opdqueue.outage.OutageHistory;
import org.opdqueue.token.Channel;

/**
 * The reports: today measured live (once per position of the journal, {@link TodayFigures}), closed days from
 * their roll-ups (rolled up on first use), ranges from the roll-up tables. Outages are always read fresh (a server outage is recorded only when the server
 * runs again).
 */
@ApplicationScoped
@Transactional // a transaction of its own, so its connection can be given the reports' long timeout
@ReportReads
public class Reports {

    /** The longest range one request may ask for. */
    public static final int MAX_RANGE_DAYS = 731;

    private final Facility facility;
    private final ReportDay days;
    private final DailyRollups rollups;
    private final TodayFigures todayFigures;
    private final OutageHistory outages;
    private final EntityManager em;

    public Reports(Facility facility, ReportDay days, DailyRollups rollups, TodayFigures todayFigures,
            OutageHistory outages, EntityManager em) {
        this.facility = facility;
        this.days = days;
        this.rollups = rollups;
        this.todayFigures = todayFigures;
        this.outages = outages;
        this.em = em;
    }

    public DayReport day(LocalDate date) {
        DayReport r = figures(date).day();
        return new DayReport(r.date(), r.totals(), r.byHour(), r.byService(), r.byChannel(), r.byCategory(),
                outagesBetween(days.start(date), days.end(date)), r.estimate());
    }

    public CounterReport counters(LocalDate date) {
        return figures(date).counters();
    }

    /** Today as of a second or so ago; a closed day kept, or rolled up now; a day still to come has nothing yet. */
    DayFigures figures(LocalDate date) {
        LocalDate today = days.today();
        if (date.equals(today)) {
            return todayFigures.of(today);
        }
        if (date.isAfter(today)) {
            return rollups.measure(date);
        }
        return rollups.kept(date).orElseGet(() -> rollUpOrMeasure(date));
    }

    /**
     * Two requests rolling up the same day at once: the one that loses (a duplicate key, a deadlock) answers with the
     * figures measured without keeping them; the winner's are kept.
     */
    private DayFigures rollUpOrMeasure(LocalDate date) {
        try {
            return rollups.rollUp(date);
        } catch (RuntimeException e) {
            if (Failures.isUnreachable(e) || Failures.isPoolExhausted(e)
                    || e instanceof ProblemException p && p.type() == ProblemType.REPORT_TOO_SLOW) {
                throw e; // measuring it again would take as long
            }
            return rollups.measureClosed(date);
        }
    }

    /**
     * Outside a transaction: a year asked for the first time rolls up its days, each in a transaction of its own, for
     * minutes, longer than a transaction may last. What it reads itself (the roll-up rows) takes milliseconds.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public RangeReport range(LocalDate from, LocalDate to) {
        checkRange(from, to);
        rollMissing(from, to);
        LocalDate today = days.today();
        Map<LocalDate, RangeReport.DayRow> rows = new TreeMap<>();
        for (Object[] r : rows("""
                SELECT business_day, issued, completed, no_show, waiting_median, waiting_p90 FROM report_day
                WHERE facility = ?1 AND business_day BETWEEN ?2 AND ?3 AND definitions = ?4""", from, to)) {
            LocalDate d = date(r[0]);
            long issued = num(r[1]);
            rows.put(d, new RangeReport.DayRow(d.toString(), issued, num(r[2]),
                    issued == 0 ? 0 : EstimateAccuracy.round3((double) num(r[3]) / issued),
                    r[4] == null ? null : num(r[4]), r[5] == null ? null : num(r[5])));
        }
        long[][] arrivals = new long[8][24];
        for (Object[] r : rows("""
                SELECT business_day, hour, arrivals FROM report_day_hour
                WHERE facility = ?1 AND business_day BETWEEN ?2 AND ?3""", from, to)) {
            arrivals[date(r[0]).getDayOfWeek().getValue()][((Number) r[1]).intValue()] += num(r[2]);
        }
        if (!today.isBefore(from) && !today.isAfter(to)) {
            DayFigures live = todayFigures.of(today);
            DayReport.Totals t = live.day().totals();
            rows.put(today, new RangeReport.DayRow(today.toString(), t.issued(), t.completed(), t.noShowRate(),
                    t.waiting().median(), t.waiting().p90()));
            for (int h = 0; h < 24; h++) {
                arrivals[today.getDayOfWeek().getValue()][h] += live.arrivalsByHour()[h];
            }
        }
        LocalDate last = to.isAfter(today) ? today : to;
        List<RangeReport.DayRow> dayRows = new ArrayList<>();
        int[] weekdays = new int[8];
        for (LocalDate d = from; !d.isAfter(last); d = d.plusDays(1)) {
            weekdays[d.getDayOfWeek().getValue()]++;
            dayRows.add(rows.getOrDefault(d, new RangeReport.DayRow(d.toString(), 0, 0, 0, null, null)));
        }
        List<RangeReport.HeatCell> heat = new ArrayList<>();
        for (DayOfWeek w : DayOfWeek.values()) {
            for (int h : days.hours()) {
                int n = weekdays[w.getValue()];
                heat.add(new RangeReport.HeatCell(w.getValue(), h,
                        n == 0 ? 0 : Math.round(10.0 * arrivals[w.getValue()][h] / n) / 10.0));
            }
        }
        return new RangeReport(from.toString(), to.toString(), dayRows, heat,
                outagesBetween(days.start(from), days.end(to)));
    }

    /** Outside a transaction, as {@link #range}. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public EstimateReport estimates(LocalDate from, LocalDate to) {
        checkRange(from, to);
        rollMissing(from, to);
        Map<Long, Map<Integer, Long>> errors = new TreeMap<>();
        for (Object[] r : rows("""
                SELECT service_id, error_minutes, SUM(tokens) FROM report_estimate_error
                WHERE facility = ?1 AND business_day BETWEEN ?2 AND ?3 GROUP BY service_id, error_minutes""", from, to)) {
            errors.computeIfAbsent(num(r[0]), s -> new TreeMap<>()).merge(((Number) r[1]).intValue(), num(r[2]),
                    Long::sum);
        }
        LocalDate today = days.today();
        if (!today.isBefore(from) && !today.isAfter(to)) {
            todayFigures.of(today).estimateErrors().forEach((s, h) -> h.forEach((e, n) ->
                    errors.computeIfAbsent(s, x -> new TreeMap<>()).merge(e, n, Long::sum)));
        }
        Map<Long, String> codes = new HashMap<>();
        for (Object[] r : rows("SELECT id, code FROM service_point WHERE facility = ?1", null, null)) {
            codes.put(num(r[0]), (String) r[1]);
        }
        List<DayReport.EstimateRow> rows = new ArrayList<>();
        errors.forEach((s, h) -> rows.add(EstimateAccuracy.of(codes.getOrDefault(s, "#" + s), h)));
        rows.sort(Comparator.comparing(DayReport.EstimateRow::serviceCode));
        return new EstimateReport(from.toString(), to.toString(), rows);
    }

    /** Rolls up the closed days of a range not kept yet (a range asked for the first time). */
    private void rollMissing(LocalDate from, LocalDate to) {
        rollups.missing(from, to).forEach(this::rollUpOrMeasure);
    }

    private void checkRange(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_RANGE_DAYS) {
            throw ProblemException.invalid("to", "at most " + MAX_RANGE_DAYS + " days from from");
        }
    }

    List<DayReport.OutageRow> outagesBetween(Instant start, Instant end) {
        List<DayReport.OutageRow> rows = new ArrayList<>();
        for (OutageHistory.Period p : outages.all()) {
            if (p.startedAt().isBefore(end) && p.endedAt().isAfter(start)) {
                Map<String, Long> byChannel = new LinkedHashMap<>();
                for (Channel c : Channel.values()) {
                    byChannel.put(c.name(), p.tokens().getOrDefault(c, 0L));
                }
                rows.add(new DayReport.OutageRow(days.iso(p.startedAt()), days.iso(p.endedAt()), p.kind().name(),
                        byChannel));
            }
        }
        rows.sort(Comparator.comparing(DayReport.OutageRow::from));
        return rows;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, LocalDate from, LocalDate to) {
        var q = em.createNativeQuery(sql).setParameter(1, facility.code());
        if (from != null) {
            q.setParameter(2, from).setParameter(3, to);
        }
        if (sql.contains("?4")) {
            q.setParameter(4, DailyRollups.DEFINITIONS);
        }
        return q.getResultList();
    }

    private static LocalDate date(Object o) {
        return o instanceof Date d ? d.toLocalDate() : (LocalDate) o;
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }
}
