package org.opdqueue.api.appointment;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

import org.opdqueue.appointment.Appointment;
import org.opdqueue.appointment.AppointmentImport;
import org.opdqueue.appointment.AppointmentWindows;
import org.opdqueue.appointment.CheckInWindow;
import org.opdqueue.appointment.CheckingIn;
import org.opdqueue.appointment.KioskLookups;
import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.common.OpdConfig;
import org.opdqueue.common.ProblemException;
import org.opdqueue.device.Device;
import org.opdqueue.offline.DeviceCredentials;
import org.opdqueue.queue.TokenViews;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.staff.Role;
import org.opdqueue.token.Issuer;
import org.opdqueue.token.IssuingLimits;
import org.opdqueue.token.TokenView;

@Path("/api/appointments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Appointments")
public class AppointmentResource {

    public record FindRequest(String query) {
    }

    public record CheckInRequest(String number, String choice) {
    }

    /** What a kiosk may see of an appointment: initials, the slot's time, the service; never the name or the mobile. */
    public record KioskChoice(String choice, String initials, Instant slotStart, Instant checkInFrom, String serviceCode,
            boolean checkedIn) {
    }

    /** What staff see. */
    public record StaffView(String number, String choice, String patientName, String mobile, String patientRef,
            String serviceCode, Instant slotStart, Instant checkInFrom, Instant lateAfter, boolean cancelled,
            Long tokenId, boolean lateWalkIn) {
    }

    public record CheckInView(TokenView token, boolean created, boolean lateWalkIn, Instant slotStart) {
    }

    public record Window(Integer earlyMinutes, Integer lateMinutes) {
    }

    /** Who the journal names for an import sent with the booking portal's key. */
    static final String PORTAL = "booking portal";

    private final AppointmentImport imports;
    private final CheckingIn checkingIn;
    private final AppointmentWindows windows;
    private final TokenViews views;
    private final SecurityIdentity staff;
    private final DeviceCredentials kiosks;
    private final KioskLookups lookups;
    private final IssuingLimits limits;
    private final OpdConfig.Appointments config;
    private final Facility facility;
    private final HospitalClock clock;

    public AppointmentResource(AppointmentImport imports, CheckingIn checkingIn, AppointmentWindows windows,
            TokenViews views, SecurityIdentity staff, DeviceCredentials kiosks, KioskLookups lookups,
            IssuingLimits limits, OpdConfig config, Facility facility, HospitalClock clock) {
        this.facility = facility;
        this.clock = clock;
        this.imports = imports;
        this.checkingIn = checkingIn;
        this.windows = windows;
        this.views = views;
        this.staff = staff;
        this.kiosks = kiosks;
        this.lookups = lookups;
        this.limits = limits;
        this.config = config.appointments();
    }

    @POST
    @Consumes({ MediaType.APPLICATION_JSON, "application/fhir+json" })
    @Operation(summary = "Import appointments (one, a list, or FHIR R4 Appointment / Bundle); upserts by number",
            description = "An admin's log-in, or the booking portal's key (Authorization: Bearer <opd.appointments.import-key>). "
                    + "All or nothing: any bad field refuses the whole request (400, each field named by its path).")
    public AppointmentImport.Imported importAppointments(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            JsonNode body) {
        String actor = PORTAL;
        if (!portalKeyMatches(authorization)) {
            requireStaff(Role.ADMIN_ROLE);
            actor = staff.getPrincipal().getName();
        }
        return imports.json(body, actor);
    }

    @POST
    @Path("find")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Today's appointments of an appointment number or a mobile (a kiosk: initials and times only; "
            + "limited per kiosk), or any day's for staff")
    public Object find(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, FindRequest body) {
        String query = body == null ? null : body.query();
        Device kiosk = kioskOf(authorization);
        if (kiosk != null) {
            lookups.take(kiosk.code);
            return checkingIn.find(query, true).stream().filter(a -> !a.cancelled).map(this::forKiosk).toList();
        }
        requireStaff(Role.COUNTER_ROLE, Role.REGISTRAR_ROLE, Role.ADMIN_ROLE);
        return checkingIn.find(query, false).stream().map(this::forStaff).toList();
    }

    @POST
    @Path("check-in")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check in for today's appointment: a token on the APPOINTMENT channel",
            description = "Body {number} or {choice} (from find). 201 with a new token; 200 with the same token when "
                    + "checked in before; 409 appointment-too-early (the detail says when check-in opens), "
                    + "appointment-cancelled, or not today. Later than the service's late window, the token is a walk-in's "
                    + "(lateWalkIn true). A kiosk's key or a staff log-in.")
    public Response checkIn(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, CheckInRequest body) {
        Device kiosk = kioskOf(authorization);
        String actor = null;
        if (kiosk != null) {
            limits.take(Issuer.kiosk(kiosk.code));
        } else {
            requireStaff(Role.COUNTER_ROLE, Role.REGISTRAR_ROLE, Role.ADMIN_ROLE);
            actor = staff.getPrincipal().getName();
        }
        if (body == null || (blank(body.number()) && blank(body.choice()))) {
            throw ProblemException.invalid("number", "is required (or choice, from find)");
        }
        if (kiosk != null && blank(body.choice()) && !checkingIn.find(body.number(), true).stream().findAny().isPresent()) {
            // a kiosk names only today's appointments; for any other the answer is the same as for none
            throw ProblemException.notFound("Appointment", body.number());
        }
        CheckingIn.CheckIn done = blank(body.choice()) ? checkingIn.byNumber(body.number(), actor)
                : checkingIn.byChoice(body.choice(), actor);
        CheckInView view = new CheckInView(views.justIssued(done.issued()), done.issued().created(), done.lateWalkIn(),
                done.appointment().slotStart);
        return done.issued().created()
                ? Response.created(URI.create("/api/tokens/" + view.token().id())).entity(view).build()
                : Response.ok(view).build();
    }

    @GET
    @RolesAllowed({ Role.COUNTER_ROLE, Role.REGISTRAR_ROLE, Role.ADMIN_ROLE })
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "A day's appointments (default today)")
    public List<StaffView> day(@QueryParam("date") String date) {
        return Appointment.ofDay(facility.code(), dateOf(date)).stream().map(this::forStaff).toList();
    }

    @PUT
    @Path("windows/{serviceCode}")
    @RolesAllowed(Role.ADMIN_ROLE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A service's check-in window: minutes before the slot check-in opens, minutes after it the slot's "
            + "place is kept")
    public Window setWindow(@PathParam("serviceCode") String serviceCode, Window body) {
        CheckInWindow w = windows.set(serviceCode, body == null ? null : body.earlyMinutes(),
                body == null ? null : body.lateMinutes(), staff.getPrincipal().getName());
        return new Window((int) w.early().toMinutes(), (int) w.late().toMinutes());
    }

    private KioskChoice forKiosk(Appointment a) {
        CheckInWindow w = checkingIn.windowOf(a.serviceId);
        return new KioskChoice(a.choiceCode, a.initials(), a.slotStart, w.opensAt(a.slotStart), serviceCode(a),
                a.checkedIn());
    }

    private StaffView forStaff(Appointment a) {
        CheckInWindow w = checkingIn.windowOf(a.serviceId);
        return new StaffView(a.number, a.choiceCode, a.patientName, a.patientMobile, a.patientRef, serviceCode(a),
                a.slotStart, w.opensAt(a.slotStart), w.closesAt(a.slotStart), a.cancelled, a.tokenId, a.lateWalkIn);
    }

    private static String serviceCode(Appointment a) {
        return ServicePoint.<ServicePoint>findById(a.serviceId).code;
    }

    private Device kioskOf(String authorization) {
        if (authorization == null || !authorization.startsWith("Device ")) {
            return null;
        }
        Device kiosk = kiosks.authenticateToIssue(authorization);
        kiosks.online(kiosk);
        return kiosk;
    }

    private boolean portalKeyMatches(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ") || config.importKey().isEmpty()) {
            return false;
        }
        byte[] given = authorization.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8);
        byte[] key = config.importKey().get().getBytes(StandardCharsets.UTF_8);
        if (MessageDigest.isEqual(given, key)) {
            return true;
        }
        throw new UnauthorizedException();
    }

    private void requireStaff(String... roles) {
        if (staff.isAnonymous()) {
            throw new UnauthorizedException();
        }
        for (String role : roles) {
            if (staff.hasRole(role)) {
                return;
            }
        }
        throw new ForbiddenException();
    }

    private LocalDate dateOf(String date) {
        if (blank(date)) {
            return clock.businessDay();
        }
        try {
            return LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("date", "must be a date such as 2026-11-30");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
