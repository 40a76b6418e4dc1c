package org.opdqueue.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.opdqueue.bench.OpdDays;
import org.opdqueue.common.Facility;
import org.opdqueue.counter.CounterState;
import org.opdqueue.support.Api;
import org.opdqueue.support.PastDays;
import org.opdqueue.support.TestHospital;

/**
 * The year generator of {@code ReportYearBench} on two days: what the roll-ups count (made the normal way, by the
 * first range that asks) is what was generated, so the year's figures time real measures of real-shaped days.
 */
@QuarkusTest
@io.quarkus.test.junit.TestProfile(org.opdqueue.support.MidnightDay.class) // fixed times of a calendar day
class GeneratedDaysTest {

    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    @Inject
    TestHospital hospital;

    @Inject
    Facility facility;

    @Test
    void theRollUpsOfTwoGeneratedDaysCountWhatWasGenerated() throws Exception {
        String a = hospital.service();
        String b = hospital.service();
        long counterA = hospital.counter(CounterState.CLOSED, a);
        long counterB = hospital.counter(CounterState.CLOSED, b);
        // two days long ago, on no outage day (every 30th), so no other test sees an outage of this one
        LocalDate first = PastDays.unused(IST, 1_500, 1_200, 2, day -> Math.floorMod(day.toEpochDay(), 30) == 0);
        LocalDate second = first.plusDays(1);
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String user = ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.username", String.class).orElse("");
        String password = ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.password", String.class)
                .orElse("");
        List<OpdDays.DayCount> generated;
        try (Connection c = DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + "allowLocalInfile=true",
                user, password)) {
            List<OpdDays.Service> services = List.of(service(c, a, counterA, 0.7), service(c, b, counterB, 0.3));
            generated = new OpdDays(facility.code(), services, 400, IST, 7).write(c, first, second,
                    Path.of("target/generated-days-test"));
        }
        assertThat(generated).extracting(OpdDays.DayCount::day).containsExactly(first, second);

        Api.as("admin", "admin123").accept(ContentType.JSON).get("/api/reports/range?from=" + first + "&to=" + second)
                .then().statusCode(200);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            for (OpdDays.DayCount day : generated) {
                assertThat(day.noShow()).isPositive();
                assertThat(day.transferred()).isPositive();
                try (ResultSet r = s.executeQuery("SELECT issued, completed, no_show, cancelled FROM report_day WHERE "
                        + "facility = '" + facility.code() + "' AND business_day = '" + day.day() + "'")) {
                    assertThat(r.next()).as("the roll-up of " + day.day()).isTrue();
                    assertThat(new long[] { r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4) })
                            .containsExactly(day.issued(), day.completed(), day.noShow(), day.cancelled());
                }
                long[] arrivals = new long[24];
                try (ResultSet r = s.executeQuery("SELECT hour, arrivals FROM report_day_hour WHERE facility = '"
                        + facility.code() + "' AND business_day = '" + day.day() + "'")) {
                    while (r.next()) {
                        arrivals[r.getInt(1)] = r.getLong(2);
                    }
                }
                assertThat(arrivals).containsExactly(day.arrivalsByHour());
                JsonPath kept = Api.as("admin", "admin123").accept(ContentType.JSON)
                        .get("/api/reports/day?date=" + day.day()).then().statusCode(200).extract().jsonPath();
                assertThat(kept.getLong("totals.transferred")).isEqualTo(day.transferred());
                assertThat(kept.getLong("totals.returnedAfterNoShow")).isPositive();
            }
        }
    }

    private static OpdDays.Service service(Connection c, String code, long counter, double share) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT id, token_prefix FROM service_point WHERE code = '" + code + "'")) {
            r.next();
            return new OpdDays.Service(r.getLong(1), code, r.getString(2), share, new long[] { counter });
        }
    }
}
