package org.opdqueue.api.report;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
 * or {@code Accept: text/csv}). Dates are business days (YYYY-MM-DD); a missing date means today. Each report is
 * parsed and computed in one place ({@link Answer}); the path or the Accept header only picks how it is written.
 */
@Path("/api/reports")
@Tag(name = "Reports")
@RolesAllowed(Role.ADMIN_ROLE)
public class ReportResource {

    private static final String CSV = "text/csv";
    private static final MediaType CSV_TYPE = MediaType.valueOf(CSV);

    private final Reports reports;
    private final TokenExport tokens;
    private final ReportDay days;

    public ReportResource(Reports reports, TokenExport tokens, ReportDay days) {
        this.reports = reports;
        this.tokens = tokens;
        this.days = days;
    }

    /** A report computed once, with the writer of its CSV (which takes the {@code table} asked for). */
    private record Answer<R>(R report, Function<R, String> csv) {
        String asCsv() {
            return csv.apply(report);
        }
    }

    @GET
    @Path("day")
    @Produces({ MediaType.APPLICATION_JSON, CSV })
    @Operation(summary = "One day: totals, by hour, service, channel and category, outages, estimate accuracy",
            description = "Waiting = issued (or transferred in) to first called; service = started to completed; "
                    + "durations in seconds as median, p90 and max. See the README's report definitions. "
                    + "As CSV with Accept: text/csv (table as for day.csv).")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DayReport.class)))
    public Response day(@QueryParam("date") String date, @QueryParam("table") String table,
            @Context HttpHeaders headers) {
        return negotiated(dayAnswer(date, table), headers);
    }

    @GET
    @Path("day.csv")
    @Produces(CSV)
    @Operation(summary = "One day as CSV: table=byService (default, with a TOTAL row), byHour, byChannel, byCategory, "
            + "outages or estimate")
    public Response dayCsvFile(@QueryParam("date") String date, @QueryParam("table") String table) {
        return download(dayAnswer(date, table), "day-" + (date == null ? days.today() : date.strip())
                + (table == null ? "" : "-" + table));
    }

    private Answer<DayReport> dayAnswer(String date, String table) {
        return new Answer<>(reports.day(date(date, "date")), r -> ReportCsv.day(r, table));
    }

    @GET
    @Path("range")
    @Produces({ MediaType.APPLICATION_JSON, CSV })
    @Operation(summary = "Days from..to (at most 731): per day issued, completed, no-show rate, waiting median and "
            + "p90; the weekday × hour heat map of arrivals (average per such weekday); outages")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RangeReport.class)))
    public Response range(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("table") String table, @Context HttpHeaders headers) {
        return negotiated(rangeAnswer(from, to, table), headers);
    }

    @GET
    @Path("range.csv")
    @Produces(CSV)
    @Operation(summary = "Days from..to as CSV: table=days (default, with a TOTAL row), heatmap or outages")
    public Response rangeCsvFile(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("table") String table) {
        return download(rangeAnswer(from, to, table), "range-" + from + "-" + to + (table == null ? "" : "-" + table));
    }

    private Answer<RangeReport> rangeAnswer(String from, String to, String table) {
        return new Answer<>(reports.range(date(from, "from"), date(to, "to")), r -> ReportCsv.range(r, table));
    }

    @GET
    @Path("counters")
    @Produces({ MediaType.APPLICATION_JSON, CSV })
    @Operation(summary = "Counters on one day: open and serving seconds, utilisation, completed, service time, by staff")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CounterReport.class)))
    public Response counters(@QueryParam("date") String date, @QueryParam("table") String table,
            @Context HttpHeaders headers) {
        return negotiated(countersAnswer(date, table), headers);
    }

    @GET
    @Path("counters.csv")
    @Produces(CSV)
    @Operation(summary = "Counters on one day as CSV: table=counters (default) or byStaff")
    public Response countersCsvFile(@QueryParam("date") String date, @QueryParam("table") String table) {
        return download(countersAnswer(date, table), "counters-" + (date == null ? days.today() : date.strip()));
    }

    private Answer<CounterReport> countersAnswer(String date, String table) {
        return new Answer<>(reports.counters(date(date, "date")), r -> ReportCsv.counters(r, table));
    }

    @GET
    @Path("estimates")
    @Produces({ MediaType.APPLICATION_JSON, CSV })
    @Operation(summary = "Accuracy of the wait told at issue, per service over from..to: median absolute error, "
            + "share within ±10 minutes, bias (minutes; positive = waited longer than told)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EstimateReport.class)))
    public Response estimates(@QueryParam("from") String from, @QueryParam("to") String to,
            @Context HttpHeaders headers) {
        return negotiated(estimatesAnswer(from, to), headers);
    }

    @GET
    @Path("estimates.csv")
    @Produces(CSV)
    @Operation(summary = "Estimate accuracy per service as CSV")
    public Response estimatesCsvFile(@QueryParam("from") String from, @QueryParam("to") String to) {
        return download(estimatesAnswer(from, to), "estimates-" + from + "-" + to);
    }

    private Answer<EstimateReport> estimatesAnswer(String from, String to) {
        return new Answer<>(reports.estimates(date(from, "from"), date(to, "to")), r -> ReportCsv.estimates(r.byService()));
    }

    @GET
    @Path("tokens.csv")
    @Produces(CSV)
    @Operation(summary = "One row per token of a day with its waiting and service time (no patient details)")
    public Response tokensCsv(@QueryParam("date") String date) {
        return download(tokens.csv(date(date, "date")), "tokens-" + date(date, "date"));
    }

    /** JSON unless the client prefers CSV (the first of its Accept types, by quality, that is either). */
    private static Response negotiated(Answer<?> answer, HttpHeaders headers) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                break;
            }
            if (accepted.isCompatible(CSV_TYPE)) {
                return Response.ok(answer.asCsv(), CSV_TYPE).build();
            }
        }
        return Response.ok(answer.report(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static Response download(Answer<?> answer, String name) {
        return download(answer.asCsv(), name);
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
