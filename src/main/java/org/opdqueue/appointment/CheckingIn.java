package org.opdqueue.appointment;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.common.OpdConfig;
import org.opdqueue.common.ProblemException;
import org.opdqueue.common.ProblemType;
import org.opdqueue.common.Transactions;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.token.Channel;
import org.opdqueue.token.IssueTokenRequest;
import org.opdqueue.token.PatientDetails;
import org.opdqueue.token.Token;
import org.opdqueue.token.TokenIssuing;

/**
 * Checks a patient in for today's appointment: a token on the APPOINTMENT channel through the one issuing path,
 * placed by the service's {@link CheckInWindow}. On time, the token takes its place in the general lane from the
 * slot's time, so it goes before walk-ins who came after the slot and after those already waiting before it; too
 * early, the patient is told when to come back; too late, the token is a walk-in's, queued from now. The request id is
 * the appointment's own, so checking in twice, even at two kiosks at once, answers the same token.
 */
@ApplicationScoped
public class CheckingIn {

    private static final Pattern MOBILE = Pattern.compile("[6-9][0-9]{9}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** A check-in's outcome: the token, and whether it was issued as a walk-in's for a patient who came too late. */
    public record CheckIn(TokenIssuing.Issued issued, Appointment appointment, boolean lateWalkIn) {
    }

    private final Facility facility;
    private final HospitalClock clock;
    private final TokenIssuing issuing;
    private final Transactions transactions;
    private final OpdConfig.Appointments defaults;

    public CheckingIn(Facility facility, HospitalClock clock, TokenIssuing issuing, Transactions transactions,
            OpdConfig config) {
        this.facility = facility;
        this.clock = clock;
        this.issuing = issuing;
        this.transactions = transactions;
        this.defaults = config.appointments();
    }

    /** The window that counts for a service: its own, else the configured defaults. */
    public CheckInWindow windowOf(long serviceId) {
        AppointmentWindow own = AppointmentWindow.findById(serviceId);
        return own == null ? CheckInWindow.ofMinutes(defaults.earlyMinutes(), defaults.lateMinutes())
                : CheckInWindow.ofMinutes(own.earlyMinutes, own.lateMinutes);
    }

    /**
     * Appointments an appointment number or a mobile number names. {@code todayOnly} for a kiosk, which must not learn
     * about other days; staff see every day's.
     */
    public List<Appointment> find(String query, boolean todayOnly) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            throw ProblemException.invalid("query", "is required: an appointment number or a mobile number");
        }
        LocalDate today = clock.businessDay();
        return transactions.run(() -> {
            List<Appointment> byNumber = Appointment.findByNumber(facility.code(), q).stream()
                    .filter(a -> !todayOnly || a.businessDay.equals(today)).toList();
            if (!byNumber.isEmpty() || !MOBILE.matcher(q).matches()) {
                return byNumber;
            }
            return todayOnly ? Appointment.ofMobile(facility.code(), today, q)
                    : Appointment.list("facility = ?1 and patientMobile = ?2 and businessDay >= ?3 order by slotStart",
                            facility.code(), q, today.minusDays(1));
        });
    }

    public CheckIn byNumber(String number, String actor) {
        return checkIn(transactions.run(() -> Appointment.findByNumber(facility.code(), number == null ? "" : number.strip())
                .orElseThrow(() -> ProblemException.notFound("Appointment", number))), actor);
    }

    /** By the code a look-up answered with (a kiosk picking one of a mobile's appointments). */
    public CheckIn byChoice(String choice, String actor) {
        return checkIn(transactions.run(() -> Appointment.findByChoice(facility.code(), choice == null ? "" : choice)
                .orElseThrow(() -> ProblemException.notFound("Appointment choice", choice))), actor);
    }

    private CheckIn checkIn(Appointment a, String actor) {
        if (a.checkedIn()) {
            return new CheckIn(transactions.run(() -> earlier(a)), a, a.lateWalkIn);
        }
        if (a.cancelled) {
            throw new ProblemException(ProblemType.APPOINTMENT_CANCELLED, "Appointment " + a.number + " was cancelled.");
        }
        LocalDate today = clock.businessDay();
        if (!a.businessDay.equals(today)) {
            throw ProblemException.illegal("Appointment " + a.number + " is for " + a.businessDay + ", not today.");
        }
        Instant now = clock.now();
        CheckInWindow window = transactions.run(() -> windowOf(a.serviceId));
        CheckInWindow.Arrival arrival = window.judge(a.slotStart, now);
        if (arrival == CheckInWindow.Arrival.TOO_EARLY) {
            throw new ProblemException(ProblemType.APPOINTMENT_TOO_EARLY, "Check-in for the " + time(a.slotStart)
                    + " appointment opens at " + time(window.opensAt(a.slotStart)) + ".");
        }
        boolean late = arrival == CheckInWindow.Arrival.LATE;
        ServicePoint service = transactions.run(() -> ServicePoint.<ServicePoint>findById(a.serviceId));
        IssueTokenRequest request = new IssueTokenRequest(requestIdOf(a), service.code, null, Channel.APPOINTMENT,
                patientOf(a), null, null, null);
        TokenIssuing.Issued issued = issuing.issue(request, actor, late ? null : a.slotStart);
        transactions.run(() -> Appointment.update("tokenId = ?1, checkedInAt = ?2, lateWalkIn = ?3 "
                + "where id = ?4 and tokenId is null", issued.token().id, now, late, a.id));
        return new CheckIn(issued, a, late);
    }

    private static TokenIssuing.Issued earlier(Appointment a) {
        Token token = Token.findById(a.tokenId);
        return new TokenIssuing.Issued(token, ServicePoint.findById(token.serviceId), false, null);
    }

    private UUID requestIdOf(Appointment a) {
        return UUID.nameUUIDFromBytes(("appointment " + facility.code() + " " + a.id).getBytes(StandardCharsets.UTF_8));
    }

    private static PatientDetails patientOf(Appointment a) {
        return new PatientDetails(a.patientName, null, null, a.patientMobile, null, null);
    }

    private String time(Instant at) {
        return TIME.format(at.atZone(clock.zone()));
    }
}
