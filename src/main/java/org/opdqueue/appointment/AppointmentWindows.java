package org.opdqueue.appointment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.opdqueue.common.Facility;
import org.opdqueue.common.ProblemException;
import org.opdqueue.journal.Journal;
import org.opdqueue.journal.JournalEntryBuilder;
import org.opdqueue.journal.JournalEventType;
import org.opdqueue.servicepoint.ServicePoint;

/**
 * An admin sets a service's check-in window (minutes before and after the slot). A change is journaled with the old
 * and new minutes and the admin's name: the window decides who keeps a slot's place and who joins as a walk-in.
 */
@ApplicationScoped
public class AppointmentWindows {

    /** A day at the most either way: beyond it the window would reach into another day's queue. */
    static final int MOST_MINUTES = 24 * 60;

    private final Facility facility;
    private final CheckingIn checkingIn;
    private final Journal journal;

    public AppointmentWindows(Facility facility, CheckingIn checkingIn, Journal journal) {
        this.facility = facility;
        this.checkingIn = checkingIn;
        this.journal = journal;
    }

    @Transactional
    public CheckInWindow set(String serviceCode, Integer earlyMinutes, Integer lateMinutes, String admin) {
        ServicePoint service = ServicePoint.findByCode(facility.code(), serviceCode == null ? "" : serviceCode.strip())
                .orElseThrow(() -> ProblemException.notFound("Service", serviceCode));
        check("earlyMinutes", earlyMinutes);
        check("lateMinutes", lateMinutes);
        CheckInWindow before = checkingIn.windowOf(service.id);
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
        CheckInWindow after = checkingIn.windowOf(service.id);
        if (!after.equals(before)) {
            journal.append(JournalEventType.CHECK_IN_WINDOW_CHANGED, JournalEntryBuilder.system().actor(admin)
                    .detail("check-in window of " + service.code + " changed from " + minutes(before) + " to "
                            + minutes(after) + " minutes before / after the slot"));
        }
        return after;
    }

    private static String minutes(CheckInWindow w) {
        return w.early().toMinutes() + "/" + w.late().toMinutes();
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
