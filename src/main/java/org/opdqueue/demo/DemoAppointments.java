package org.opdqueue.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import org.opdqueue.appointment.Appointment;
import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.common.OpdConfig;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.token.Token;

/**
 * A few appointments for today in the demo, so the kiosk's "I have an appointment" has something to find: DEMO-A1
 * (in its window now), two for mobile 9800000001 (a pick), one missed (a no-show in the day report) and one cancelled.
 * Seeded on each start of a day that has none, after the demo hospital (its services) is there.
 */
@ApplicationScoped
public class DemoAppointments {

    private static final Logger LOG = Logger.getLogger(DemoAppointments.class);

    private final Facility facility;
    private final HospitalClock clock;
    private final boolean seed;

    public DemoAppointments(Facility facility, HospitalClock clock, OpdConfig config) {
        this.facility = facility;
        this.clock = clock;
        this.seed = config.demo().seed();
    }

    @Transactional
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent start) {
        if (!seed || Appointment.count("facility = ?1 and businessDay = ?2", facility.code(), clock.businessDay()) > 0
                || ServicePoint.findByCode(facility.code(), "MED").isEmpty()) {
            return;
        }
        Instant soon = clock.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(10));
        String day = clock.businessDay().toString().replace("-", "");
        add("DEMO-A1", "MED", soon, "Asha Devi", "9800000002", false);
        add("DEMO-A2-" + day, "ORTH", soon.plus(Duration.ofMinutes(5)), "Ravi Kumar", "9800000001", false);
        add("DEMO-A3-" + day, "ENT", soon.plus(Duration.ofMinutes(20)), "Sita Kumari", "9800000001", false);
        add("DEMO-A4-" + day, "MED", soon.minus(Duration.ofHours(2)), "Mohan Lal", "9800000003", false);
        add("DEMO-A5-" + day, "PAED", soon.plus(Duration.ofHours(1)), "Baby of Rekha", "9800000004", true);
        LOG.infof("Seeded 5 demo appointments for %s (DEMO-A1; mobile 9800000001 has two)", clock.businessDay());
    }

    private void add(String number, String service, Instant slot, String name, String mobile, boolean cancelled) {
        Appointment a = Appointment.findByNumber(facility.code(), number).orElseGet(Appointment::new);
        a.facility = facility.code();
        a.number = number;
        a.choiceCode = a.choiceCode == null ? Token.newPublicCode() : a.choiceCode;
        a.serviceId = ServicePoint.findByCode(facility.code(), service).orElseThrow().id;
        a.slotStart = slot;
        a.businessDay = clock.businessDayOf(slot);
        a.patientName = name;
        a.patientMobile = mobile;
        a.cancelled = cancelled;
        a.tokenId = null;
        a.checkedInAt = null;
        a.lateWalkIn = false;
        a.importedAt = clock.now();
        if (a.id == null) {
            a.persist();
        }
    }
}
