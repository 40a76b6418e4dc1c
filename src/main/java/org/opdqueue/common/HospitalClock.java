package org.opdqueue.common;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

/** The one clock of the application; tests move it by replacing the {@link Clock} bean. */
@ApplicationScoped
public class HospitalClock {

    private final Clock clock;
    private final OpdConfig.Facility facility;

    public HospitalClock(Clock clock, OpdConfig config) {
        this.clock = clock;
        this.facility = config.facility();
    }

    /** Now, to the microsecond the database stores. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The hospital's time zone: what its slips, pages and paper forms mean by a time of day, whatever a PC's zone. */
    public ZoneId zone() {
        return facility.timeZone();
    }

    public LocalDate businessDay() {
        return businessDayOf(now());
    }

    public LocalDate businessDayOf(Instant instant) {
        return instant.atZone(facility.timeZone())
                .minusSeconds(facility.dayStartsAt().toSecondOfDay())
                .toLocalDate();
    }
}
