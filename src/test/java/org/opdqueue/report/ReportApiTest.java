package org.opdqueue.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.opdqueue.counter.CounterState;
import org.opdqueue.support.Api;
import org.opdqueue.support.MutableClock;
import org.opdqueue.support.PastDays;
import org.opdqueue.support.TestHospital;

/** Who may read the reports, bad dates as problems, and CSV that adds up to the same totals as the JSON. */
@QuarkusTest
@io.quarkus.test.junit.TestProfile(org.opdqueue.support.MidnightDay.class) // fixed times of a calendar day
class ReportApiTest {

    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    @Inject
    TestHospital hospital;

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void onlyAnAdministratorReadsTheReports() {
        for (String path : List.of("/api/reports/day", "/api/reports/range", "/api/reports/counters",
                "/api/reports/estimates", "/api/reports/day.csv", "/api/reports/tokens.csv")) {
            Api.staff().get(path).then().statusCode(403).body("type", equalTo("/problems/forbidden"));
            Api.as("registrar", "registrar123").get(path).then().statusCode(403);
            given().get(path).then().statusCode(401);
            Api.as("admin", "admin123").get(path).then().statusCode(200);
        }
    }

    @Test
    void aBadDateIsAProblemNamingTheField() {
        Api.as("admin", "admin123").get("/api/reports/day?date=30-11-2026").then().statusCode(400)
                .body("errors[0].field", equalTo("date"));
        Api.as("admin", "admin123").get("/api/reports/range?from=2026-11-30&to=2026-11-01").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        Api.as("admin", "admin123").get("/api/reports/range?from=2020-01-01&to=2026-01-01").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        Api.as("admin", "admin123").get("/api/reports/day.csv?table=nonsense").then().statusCode(400)
                .body("errors[0].field", equalTo("table"));
    }

    @Test
    void theCsvHasTheSameTotalsAsTheJson() {
        LocalDate day = PastDays.unused(IST, 9000, 300, 3, d -> true).plusDays(2); // it and the two days before
        Instant nine = day.atTime(LocalTime.of(9, 0)).atZone(IST).toInstant();
        clock.freezeAt(nine);
        String a = hospital.service();
        String b = hospital.service();
        long counter = hospital.counter(CounterState.OPEN, a, b);
        for (int i = 0; i < 6; i++) {
            Api.issue(i % 2 == 0 ? a : b);
        }
        for (int i = 0; i < 4; i++) {
            clock.freezeAt(nine.plus(Duration.ofMinutes(7 * (i + 1))));
            long id = Api.id(Api.callNextAndGet(counter));
            Api.act(id, i == 3 ? "no-show" : "complete").then().statusCode(200);
        }
        JsonPath json = DayMeasuresTest.admin("/api/reports/day?date=" + day);
        List<String[]> csv = rows(Api.as("admin", "admin123").get("/api/reports/day.csv?date=" + day).then()
                .statusCode(200).contentType("text/csv").extract().asString());
        String[] header = csv.get(0);
        String[] total = csv.stream().filter(r -> r[1].equals("TOTAL")).findFirst().orElseThrow();
        assertThat(header).startsWith("date", "service_code", "service_name", "issued");
        assertThat(Long.parseLong(cell(header, total, "issued"))).isEqualTo(json.getLong("totals.issued")).isEqualTo(6);
        assertThat(Long.parseLong(cell(header, total, "completed"))).isEqualTo(json.getLong("totals.completed")).isEqualTo(3);
        assertThat(Long.parseLong(cell(header, total, "no_show"))).isEqualTo(json.getLong("totals.noShow")).isEqualTo(1);
        assertThat(Long.parseLong(cell(header, total, "waiting_median_s"))).isEqualTo(json.getLong("totals.waiting.median"));
        long issuedInRows = csv.stream().skip(1).filter(r -> !r[1].equals("TOTAL"))
                .mapToLong(r -> Long.parseLong(cell(header, r, "issued"))).sum();
        assertThat(issuedInRows).isEqualTo(6);

        String byAccept = Api.as("admin", "admin123").accept("text/csv").get("/api/reports/day?date=" + day).then()
                .statusCode(200).extract().asString();
        assertThat(rows(byAccept)).usingRecursiveComparison().isEqualTo(csv);

        List<String[]> tokens = rows(Api.as("admin", "admin123").get("/api/reports/tokens.csv?date=" + day).then()
                .statusCode(200).extract().asString());
        assertThat(tokens).hasSize(1 + 6);
        assertThat(String.join(",", tokens.get(0))).doesNotContain("name", "mobile", "abha", "uhid");

        JsonPath range = DayMeasuresTest.admin("/api/reports/range?from=" + day.minusDays(2) + "&to=" + day);
        List<String[]> rangeCsv = rows(Api.as("admin", "admin123").get("/api/reports/range.csv?from=" + day.minusDays(2)
                + "&to=" + day).then().statusCode(200).extract().asString());
        String[] rangeTotal = rangeCsv.get(rangeCsv.size() - 1);
        assertThat(rangeTotal[0]).isEqualTo("TOTAL");
        assertThat(Long.parseLong(rangeTotal[1])).isEqualTo(range.getList("days.issued", Long.class).stream()
                .mapToLong(Long::longValue).sum()).isEqualTo(6);

        JsonPath counters = DayMeasuresTest.admin("/api/reports/counters?date=" + day);
        List<String[]> countersCsv = rows(Api.as("admin", "admin123").get("/api/reports/counters.csv?date=" + day)
                .then().statusCode(200).extract().asString());
        String[] row = countersCsv.stream().filter(r -> r[1].equals(Long.toString(counter))).findFirst().orElseThrow();
        assertThat(Long.parseLong(cell(countersCsv.get(0), row, "completed")))
                .isEqualTo(counters.getLong("counters.find { it.counterId == " + counter + " }.completed")).isEqualTo(3);
    }

    /** Simple CSV rows (the cells here hold no commas or quotes); the byte-order mark dropped. */
    static List<String[]> rows(String csv) {
        assertThat(csv).startsWith("\uFEFF");
        return Arrays.stream(csv.substring(1).split("\r\n")).map(line -> line.split(",", -1)).toList();
    }

    static String cell(String[] header, String[] row, String column) {
        return row[Arrays.asList(header).indexOf(column)];
    }
}
