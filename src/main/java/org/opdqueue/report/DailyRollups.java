package org.opdqueue.report;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.opdqueue.common.Facility;

/**
 * Closed days' figures, measured once and kept (report_day, report_day_hour, report_estimate_error): a day is rolled
 * up the first time a report asks for it, and every hour (and at start) for closed days still missing. Today is never
 * kept: it is still changing.
 */
@ApplicationScoped
public class DailyRollups {

    /** Raised when a measure's definition changes: older rows are measured again. */
    static final int DEFINITIONS = 1;

    private static final Logger LOG = Logger.getLogger(DailyRollups.class);

    private final Facility facility;
    private final ReportDay days;
    private final DayFactsReader reader;
    private final ObjectMapper json;
    private final EntityManager em;

    public DailyRollups(Facility facility, ReportDay days, DayFactsReader reader, ObjectMapper json, EntityManager em) {
        this.facility = facility;
        this.days = days;
        this.reader = reader;
        this.json = json;
        this.em = em;
    }

    /** A day measured now from the token table and the journal (today's figures; a closed day's before it is kept). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DayFigures measure(LocalDate day) {
        return new DayMeasures(reader.read(day), days, days.now()).measure(List.of());
    }

    /** A closed day measured without keeping it (its roll-up lost a race with another one). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DayFigures measureClosed(LocalDate day) {
        return new DayMeasures(reader.read(day), days, days.end(day)).measure(List.of());
    }

    /** A closed day's kept figures, if it has been rolled up with the current definitions. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<DayFigures> kept(LocalDate day) {
        @SuppressWarnings("unchecked")
        List<String> bodies = em.createNativeQuery("""
                SELECT body FROM report_day WHERE facility = ?1 AND business_day = ?2 AND definitions = ?3""")
                .setParameter(1, facility.code()).setParameter(2, day).setParameter(3, DEFINITIONS).getResultList();
        if (bodies.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(bodies.get(0), DayFigures.class));
        } catch (JsonProcessingException e) {
            LOG.warnf("report_day %s could not be read, measuring it again: %s", day, e.getMessage());
            return Optional.empty();
        }
    }

    /** Measures a closed day and keeps its figures (replacing older ones). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @ReportReads
    public DayFigures rollUp(LocalDate day) {
        if (!day.isBefore(days.today())) {
            throw new IllegalArgumentException(day + " is not closed yet");
        }
        DayFigures figures = new DayMeasures(reader.read(day), days, days.end(day)).measure(List.of());
        String f = facility.code();
        Date d = Date.valueOf(day);
        DayReport.Totals t = figures.day().totals();
        try {
            em.createNativeQuery("""
                    INSERT INTO report_day (facility, business_day, definitions, computed_at, issued, completed, no_show,
                                            cancelled, waiting_median, waiting_p90, body)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                    ON DUPLICATE KEY UPDATE definitions = VALUES(definitions), computed_at = VALUES(computed_at),
                      issued = VALUES(issued), completed = VALUES(completed), no_show = VALUES(no_show),
                      cancelled = VALUES(cancelled), waiting_median = VALUES(waiting_median),
                      waiting_p90 = VALUES(waiting_p90), body = VALUES(body)""")
                    .setParameter(1, f).setParameter(2, d).setParameter(3, DEFINITIONS)
                    .setParameter(4, Timestamp.from(days.now())).setParameter(5, t.issued()).setParameter(6, t.completed())
                    .setParameter(7, t.noShow()).setParameter(8, t.cancelled()).setParameter(9, t.waiting().median())
                    .setParameter(10, t.waiting().p90()).setParameter(11, json.writeValueAsString(figures))
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        em.createNativeQuery("DELETE FROM report_day_hour WHERE facility = ?1 AND business_day = ?2")
                .setParameter(1, f).setParameter(2, d).executeUpdate();
        em.createNativeQuery("DELETE FROM report_estimate_error WHERE facility = ?1 AND business_day = ?2")
                .setParameter(1, f).setParameter(2, d).executeUpdate();
        StringBuilder hours = new StringBuilder();
        for (int h = 0; h < 24; h++) {
            if (figures.arrivalsByHour()[h] > 0) {
                hours.append(hours.isEmpty() ? "" : ",").append("(?1, ?2, ").append(h).append(", ")
                        .append(figures.arrivalsByHour()[h]).append(')');
            }
        }
        if (!hours.isEmpty()) {
            em.createNativeQuery("INSERT INTO report_day_hour (facility, business_day, hour, arrivals) VALUES " + hours)
                    .setParameter(1, f).setParameter(2, d).executeUpdate();
        }
        StringBuilder errors = new StringBuilder();
        for (Map.Entry<Long, Map<Integer, Long>> s : figures.estimateErrors().entrySet()) {
            for (Map.Entry<Integer, Long> e : s.getValue().entrySet()) {
                errors.append(errors.isEmpty() ? "" : ",").append("(?1, ?2, ").append(s.getKey()).append(", ")
                        .append(e.getKey()).append(", ").append(e.getValue()).append(')');
            }
        }
        if (!errors.isEmpty()) {
            em.createNativeQuery("INSERT INTO report_estimate_error (facility, business_day, service_id, error_minutes, "
                    + "tokens) VALUES " + errors).setParameter(1, f).setParameter(2, d).executeUpdate();
        }
        return figures;
    }

    /**
     * Closed days in the range, from the hospital's first token on, not kept with the current definitions, oldest first.
     * Days without tokens are rolled up too (cheaply), so they are never looked for again: telling them apart would mean
     * reading the whole token index of the range.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LocalDate> missing(LocalDate from, LocalDate to) {
        LocalDate yesterday = days.today().minusDays(1);
        LocalDate last = to.isAfter(yesterday) ? yesterday : to;
        Object first = em.createNativeQuery("SELECT MIN(business_day) FROM token WHERE facility = ?1")
                .setParameter(1, facility.code()).getSingleResult();
        if (first == null) {
            return List.of();
        }
        LocalDate firstDay = asDate(first);
        LocalDate start = from.isBefore(firstDay) ? firstDay : from;
        if (start.isAfter(last)) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object> kept = em.createNativeQuery("""
                SELECT business_day FROM report_day WHERE facility = ?1 AND business_day BETWEEN ?2 AND ?3
                  AND definitions = ?4""").setParameter(1, facility.code()).setParameter(2, start).setParameter(3, last)
                .setParameter(4, DEFINITIONS).getResultList();
        Set<LocalDate> have = new HashSet<>();
        kept.forEach(k -> have.add(asDate(k)));
        return start.datesUntil(last.plusDays(1)).filter(d -> !have.contains(d)).toList();
    }

    static LocalDate asDate(Object o) {
        return o instanceof Date d ? d.toLocalDate() : (LocalDate) o;
    }
}
