package org.opdqueue.api.report;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.opdqueue.common.ProblemException;
import org.opdqueue.report.CounterReport;
import org.opdqueue.report.DayReport;
import org.opdqueue.report.EstimateReport;
import org.opdqueue.report.RangeReport;
import org.opdqueue.report.ReportCsv;
import org.opdqueue.report.ReportDay;
import org.opdqueue.report.Reports;
import org.opdqueue.report.TokenExport;
import org.opdqueue.staff.Role;

/**
 * The reports as JSON for the pages and the hospital's own dashboards, and as CSV (the same path with {@code .csv},
 * or {@code Accept: text/csv}). Dates are business days (YYYY-MM-DD); a missing date means today.
 */
@Path("/api/reports")
@Tag(name = "Reports")
@RolesAllowed(Role.ADMIN_ROLE)
public class ReportResource {

    private static final String CSV = "text/csv";

    private final Reports reports;
    private final TokenExport tokens;
    private final ReportDay days;

    public ReportResource(Reports reports, TokenExport tokens, ReportDay days) {
        this.reports = reports;
        this.tokens = tokens;
        this.days = days;
    }

    @GET
    @Path("day")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One day: totals, by hour, service, channel and category, outages, estimate accuracy",
            description = "Waiting = issued (or transferred in) to first called; service = started to completed; "
                    + "durations in seconds as median, p90 and max. See the README's report definitions.")
    public DayReport day(@QueryParam("date") String date) {
        return reports.day(date(date, "date"));
    }

    @GET
    @Path("day")
    @Produces(CSV)
    public String dayCsv(@QueryParam("date") String date, @QueryParam("table") String table) {
        return ReportCsv.day(day(date), table);
    }

    @GET
    @Path("day.csv")
    @Produces(CSV)
    @Operation(summary = "One day as CSV: table=byService (default, with a TOTAL row), byHour, byChannel, byCategory, "
            + "outages or estimate")
    public Response dayCsvFile(@QueryParam("date") String date, @QueryParam("table") String table) {
        return download(dayCsv(date, table), "day-" + (date == null ? days.today() : date.strip()) + (table == null ? "" : "-" + table));
    }

    @GET
    @Path("range")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Days from..to (at most 731): per day issued, completed, no-show rate, waiting median and "
            + "p90; the weekday × hour heat map of arrivals (average per such weekday); outages")
    public RangeReport range(@QueryParam("from") String from, @QueryParam("to") String to) {
        return reports.range(date(from, "from"), date(to, "to"));
    }

    @GET
    @Path("range")
    @Produces(CSV)
    public String rangeCsv(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("table") String table) {
        return ReportCsv.range(range(from, to), table);
    }

    @GET
    @Path("range.csv")
    @Produces(CSV)
    @Operation(summary = "Days from..to as CSV: table=days (default, with a TOTAL row), heatmap or outages")
    public Response rangeCsvFile(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("table") String table) {
        return download(rangeCsv(from, to, table), "range-" + from + "-" + to + (table == null ? "" : "-" + table));
    }

    @GET
    @Path("counters")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Counters on one day: open and serving seconds, utilisation, completed, service time, by staff")
    public CounterReport counters(@QueryParam("date") String date) {
        return reports.counters(date(date, "date"));
    }

    @GET
    @Path("counters")
    @Produces(CSV)
    public String countersCsv(@QueryParam("date") String date, @QueryParam("table") String table) {
        return ReportCsv.counters(counters(date), table);
    }

    @GET
    @Path("counters.csv")
    @Produces(CSV)
    @Operation(summary = "Counters on one day as CSV: table=counters (default) or byStaff")
    public Response countersCsvFile(@QueryParam("date") String date, @QueryParam("table") String table) {
        return download(countersCsv(date, table), "counters-" + (date == null ? days.today() : date.strip()));
    }

    @GET
    @Path("estimates")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Accuracy of the wait told at issue, per service over from..to: median absolute error, "
            + "share within ±10 minutes, bias (minutes; positive = waited longer than told)")
    public EstimateReport estimates(@QueryParam("from") String from, @QueryParam("to") String to) {
        return reports.estimates(date(from, "from"), date(to, "to"));
    }

    @GET
    @Path("estimates")
    @Produces(CSV)
    public String estimatesCsv(@QueryParam("from") String from, @QueryParam("to") String to) {
        return ReportCsv.estimates(estimates(from, to).byService());
    }

    @GET
    @Path("estimates.csv")
    @Produces(CSV)
    @Operation(summary = "Estimate accuracy per service as CSV")
    public Response estimatesCsvFile(@QueryParam("from") String from, @QueryParam("to") String to) {
        return download(estimatesCsv(from, to), "estimates-" + from + "-" + to);
    }

    @GET
    @Path("tokens.csv")
    @Produces(CSV)
    @Operation(summary = "One row per token of a day with its waiting and service time (no patient details)")
    public Response tokensCsv(@QueryParam("date") String date) {
        return download(tokens.csv(date(date, "date")), "tokens-" + date(date, "date"));
    }

    /** A file to save: named by what it holds (only dates and table names reach the name, checked above). */
    private static Response download(Object csv, String name) {
        return Response.ok(csv).header("Content-Disposition",
                "attachment; filename=\"opd-" + name.replaceAll("[^A-Za-z0-9-]", "") + ".csv\"").build();
    }

    private LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return days.today();
        }
        try {
            LocalDate d = LocalDate.parse(value.strip());
            if (d.getYear() < 2000 || d.getYear() > 2999) {
                throw ProblemException.invalid(field, "must be a date between 2000 and 2999");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a date like 2026-11-30");
        }
    }
}
