package org.opdqueue.appointment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.opdqueue.common.Facility;
import org.opdqueue.common.ProblemException;
import org.opdqueue.servicepoint.ServicePoint;

/** An admin sets a service's check-in window (minutes before and after the slot). */
@ApplicationScoped
public class AppointmentWindows {

    /** A day at the most either way: beyond it the window would reach into another day's queue. */
    static final int MOST_MINUTES = 24 * 60;

    private final Facility facility;
    private final CheckingIn checkingIn;

    public AppointmentWindows(Facility facility, CheckingIn checkingIn) {
        this.facility = facility;
        this.checkingIn = checkingIn;
    }

    @Transactional
    public CheckInWindow set(String serviceCode, Integer earlyMinutes, Integer lateMinutes) {
        ServicePoint service = ServicePoint.findByCode(facility.code(), serviceCode == null ? "" : serviceCode.strip())
                .orElseThrow(() -> ProblemException.notFound("Service", serviceCode));
        check("earlyMinutes", earlyMinutes);
        check("lateMinutes", lateMinutes);
        AppointmentWindow window = AppointmentWindow.findById(service.id);
        if (window == null) {
            window = new AppointmentWindow();
            window.serviceId = service.id;
            window.earlyMinutes = earlyMinutes;
            window.lateMinutes = lateMinutes;
            window.persist();
        } else {
            window.earlyMinutes = earlyMinutes;
            window.lateMinutes = lateMinutes;
        }
        return checkingIn.windowOf(service.id);
    }

    private static void check(String field, Integer minutes) {
        if (minutes == null) {
            throw ProblemException.invalid(field, "is required: minutes");
        }
        if (minutes < 0 || minutes > MOST_MINUTES) {
            throw ProblemException.invalid(field, "must be between 0 and " + MOST_MINUTES + " minutes");
        }
    }
}
