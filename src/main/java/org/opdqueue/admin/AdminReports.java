package org.opdqueue.admin;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;

import org.opdqueue.common.HospitalClock;
import org.opdqueue.common.OpdConfig;
import org.opdqueue.common.ProblemException;
import org.opdqueue.staff.Role;
import org.opdqueue.web.Refused;

/**
 * The report pages. Each is a frame that names its question (a day, a range of days); the page's script asks
 * {@code /api/reports/...} and draws the answer, so the pages show exactly what the JSON and the CSV give.
 */
@Path("/admin/reports")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_ROLE)
public class AdminReports {

    /** Eight weeks: enough for a weekday × hour heat map to mean something, short enough to read as a trend. */
    static final int DEFAULT_RANGE_DAYS = 56;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance day(LocalDate date, LocalDate today);

        static native TemplateInstance range(LocalDate from, LocalDate to, LocalDate today);

        static native TemplateInstance counters(LocalDate date, LocalDate today);

        static native TemplateInstance print(LocalDate date, String printedAt);
    }

    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final HospitalClock clock;
    private final ZoneId zone;

    public AdminReports(HospitalClock clock, OpdConfig config) {
        this.clock = clock;
        this.zone = config.facility().timeZone();
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance day(@QueryParam("date") String date) {
        return Templates.day(dayOf("date", date), clock.businessDay());
    }

    @GET
    @Path("range")
    @Operation(hidden = true)
    public TemplateInstance range(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate last = dayOf("to", to);
        LocalDate first = from == null || from.isBlank() ? last.minusDays(DEFAULT_RANGE_DAYS - 1) : dayOf("from", from);
        if (first.isAfter(last)) {
            throw ProblemException.invalid("from", "must not be after to (" + last + ")");
        }
        return Templates.range(first, last, clock.businessDay());
    }

    @GET
    @Path("counters")
    @Operation(hidden = true)
    public TemplateInstance counters(@QueryParam("date") String date) {
        return Templates.counters(dayOf("date", date), clock.businessDay());
    }

    /** The A4 summary the medical superintendent reads in the afternoon: today so far unless a date is given. */
    @GET
    @Path("day/print")
    @Operation(hidden = true)
    public TemplateInstance print(@QueryParam("date") String date) {
        return Templates.print(dayOf("date", date), PRINTED.format(clock.now().atZone(zone)));
    }

    private LocalDate dayOf(String field, String text) {
        if (text == null || text.isBlank()) {
            return clock.businessDay();
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "a date as 2026-03-02");
        }
    }

    @ServerExceptionMapper
    Response refused(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return Refused.forbidden(headers, uri.getPath());
    }
}
