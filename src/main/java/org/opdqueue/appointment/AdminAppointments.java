package org.opdqueue.appointment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.common.Problem;
import org.opdqueue.common.ProblemException;
import org.opdqueue.common.Transactions;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.staff.Role;
import org.opdqueue.web.Refused;

/** The admin's appointments page: upload a CSV, set each service's check-in window, see today's appointments. */
@Path("/admin/appointments")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_ROLE)
public class AdminAppointments {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    /** A day's appointments of a big hospital, with room to spare. */
    private static final long MOST_BYTES = 5L * 1024 * 1024;

    public record Row(String number, String patientName, String mobile, String serviceCode, String slot, String state) {
    }

    public record WindowRow(String serviceCode, String serviceName, int earlyMinutes, int lateMinutes) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(AppointmentImport.Imported imported, String message,
                List<Problem.FieldError> errors, List<Row> today, List<WindowRow> windows, AppointmentReport.Day report);
    }

    private final AppointmentImport imports;
    private final AppointmentWindows windows;
    private final AppointmentReport report;
    private final CheckingIn checkingIn;
    private final Facility facility;
    private final HospitalClock clock;
    private final Transactions transactions;
    private final SecurityIdentity admin;

    public AdminAppointments(AppointmentImport imports, AppointmentWindows windows, AppointmentReport report,
            CheckingIn checkingIn, Facility facility, HospitalClock clock, Transactions transactions,
            SecurityIdentity admin) {
        this.admin = admin;
        this.imports = imports;
        this.windows = windows;
        this.report = report;
        this.checkingIn = checkingIn;
        this.facility = facility;
        this.clock = clock;
        this.transactions = transactions;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance page() {
        return render(null, null, List.of());
    }

    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Response importCsv(@RestForm("file") FileUpload file) {
        try {
            if (file == null || file.size() == 0) {
                throw ProblemException.invalid("file", "choose a CSV file");
            }
            if (file.size() > MOST_BYTES) {
                throw ProblemException.invalid("file", "is larger than 5 MB");
            }
            AppointmentImport.Imported done = imports.csv(Files.readString(file.uploadedFile(), StandardCharsets.UTF_8),
                    admin.getPrincipal().getName());
            return Response.ok(render(done, null, List.of())).build();
        } catch (ProblemException e) {
            List<Problem.FieldError> errors = e.errors().isEmpty() ? List.of(new Problem.FieldError("file", e.getMessage()))
                    : e.errors();
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(render(null, null, errors)).build();
        } catch (IOException | java.io.UncheckedIOException e) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(render(null, null, List.of(new Problem.FieldError("file", "is not UTF-8 text")))).build();
        }
    }

    @POST
    @Path("window")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response window(@RestForm String serviceCode, @RestForm String earlyMinutes, @RestForm String lateMinutes) {
        try {
            windows.set(serviceCode, minutes("earlyMinutes", earlyMinutes), minutes("lateMinutes", lateMinutes),
                    admin.getPrincipal().getName());
            return Response.ok(render(null, "Check-in window of " + serviceCode + " saved.", List.of())).build();
        } catch (ProblemException e) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(render(null, null, e.errors())).build();
        }
    }

    private static Integer minutes(String field, String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field, "must be a whole number of minutes");
        }
    }

    private TemplateInstance render(AppointmentImport.Imported imported, String message, List<Problem.FieldError> errors) {
        return transactions.run(() -> {
            List<ServicePoint> services = ServicePoint.list("facility = ?1 and active = true order by code", facility.code());
            List<WindowRow> rows = services.stream().map(s -> {
                CheckInWindow w = checkingIn.windowOf(s.id);
                return new WindowRow(s.code, s.nameEn, (int) w.early().toMinutes(), (int) w.late().toMinutes());
            }).toList();
            List<Row> today = Appointment.ofDay(facility.code(), clock.businessDay()).stream().map(a -> new Row(a.number,
                    a.patientName, a.patientMobile, ServicePoint.<ServicePoint>findById(a.serviceId).code,
                    TIME.format(a.slotStart.atZone(clock.zone())), a.cancelled ? "cancelled"
                            : a.checkedIn() ? (a.lateWalkIn ? "checked in late (walk-in)" : "checked in") : "booked"))
                    .toList();
            return Templates.page(imported, message, errors, today, rows, report.of(clock.businessDay()));
        });
    }

    @ServerExceptionMapper
    Response refused(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return Refused.forbidden(headers, uri.getPath());
    }
}
