package org.opdqueue.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import jakarta.enterprise.context.ApplicationScoped;

import org.opdqueue.common.HospitalClock;
import org.opdqueue.common.OpdConfig;

/** A business day as the hospital's clock has it: when it begins and ends, and times written in its zone. */
@ApplicationScoped
public class ReportDay {

    private final HospitalClock clock;
    private final OpdConfig.Facility facility;

    public ReportDay(HospitalClock clock, OpdConfig config) {
        this.clock = clock;
        this.facility = config.facility();
    }

    public Instant start(LocalDate day) {
        return day.atTime(facility.dayStartsAt()).atZone(facility.timeZone()).toInstant();
    }

    public Instant end(LocalDate day) {
        return start(day.plusDays(1));
    }

    public ZoneId zone() {
        return facility.timeZone();
    }

    public LocalDate today() {
        return clock.businessDay();
    }

    public Instant now() {
        return clock.now();
    }

    /** The clock hour (0–23) in the hospital's zone. */
    public int hourOf(Instant at) {
        return at.atZone(facility.timeZone()).getHour();
    }

    /** ISO-8601 with the hospital's offset, e.g. 2026-11-30T09:15:00+05:30. */
    public String iso(Instant at) {
        return at == null ? null
                : OffsetDateTime.ofInstant(at, facility.timeZone()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** The clock hours of a business day in its order (a day starting at 06:00 runs 6, 7, …, 23, 0, …, 5). */
    public int[] hours() {
        int first = facility.dayStartsAt().getHour();
        int[] hours = new int[24];
        for (int i = 0; i < 24; i++) {
            hours[i] = (first + i) % 24;
        }
        return hours;
    }
}
