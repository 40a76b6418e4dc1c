package org.opdqueue.api.appointment;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.opdqueue.appointment.AppointmentReport;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.common.ProblemException;
import org.opdqueue.staff.Role;

@Path("/api/reports/appointments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_ROLE)
@Tag(name = "Reports")
public class AppointmentReportResource {

    private final AppointmentReport report;
    private final HospitalClock clock;

    public AppointmentReportResource(AppointmentReport report, HospitalClock clock) {
        this.report = report;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "A day's appointments per service: booked, checked in, late walk-ins, cancelled, no-shows "
            + "(not checked in by the end of the late window) and those whose window is still open")
    public AppointmentReport.Day day(@QueryParam("date") String date) {
        LocalDate day;
        try {
            day = date == null || date.isBlank() ? clock.businessDay() : LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("date", "must be a date such as 2026-11-30");
        }
        return report.of(day);
    }
}
