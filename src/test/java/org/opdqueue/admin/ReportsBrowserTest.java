package org.opdqueue.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.opdqueue.counter.CounterState;
import org.opdqueue.support.Api;
import org.opdqueue.support.Browser;
import org.opdqueue.support.DeskBrowserTest;
import org.opdqueue.support.MutableClock;
import org.opdqueue.support.PastDays;
import org.opdqueue.support.TestHospital;

/**
 * Each report page over a small real day (issued, called, seen, a no-show, a cancel, a 20-minute outage, on a day
 * years back that no other test uses): the charts are drawn, the tables show what /api/reports/... answers, and the
 * CSV behind the page's link has the same totals.
 */
@QuarkusTest
@io.quarkus.test.junit.TestProfile(org.opdqueue.support.MidnightDay.class) // fixed times of a calendar day
class ReportsBrowserTest extends DeskBrowserTest {

    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    @TestHTTPResource("/")
    URI base;

    @Inject
    TestHospital hospital;

    @Inject
    MutableClock clock;

    private final List<String> consoleErrors = new ArrayList<>();
    LocalDate day;
    Instant nine;
    String service;
    long counter;

    @BeforeEach
    void aSmallDay() {
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                consoleErrors.add(m.text() + " at " + m.location());
            }
        });
        page.onPageError(consoleErrors::add);
        page.onResponse(r -> {
            if (r.status() >= 400) {
                consoleErrors.add(r.status() + " " + r.url()); // which address the console's error was about
            }
        });
        day = PastDays.unused(IST, 3000, 2900);
        nine = day.atTime(LocalTime.of(9, 0)).atZone(IST).toInstant();
        at(0);
        service = hospital.service(2);
        counter = hospital.counter(CounterState.CLOSED, service);
        state("OPEN");
        long[] tokens = new long[6];
        for (int i = 0; i < tokens.length; i++) {
            at(i * 7);
            tokens[i] = Api.id(Api.issue(service, i == 2 ? "SENIOR_CITIZEN" : "GENERAL"));
        }
        hospital.outage(instant(60), instant(80), "Connection refused", 0);
        int minute = 40;
        for (long token : tokens) {
            at(minute += 3);
            Api.staff().contentType(ContentType.JSON).body(Map.of("tokenId", token))
                    .post("/api/counters/" + counter + "/call").then().statusCode(200);
            at(minute += 1);
            if (token == tokens[4]) {
                Api.act(token, "no-show").then().statusCode(200);
                continue;
            }
            if (token == tokens[5]) {
                break; // still called at the end of the day
            }
            Api.act(token, "start").then().statusCode(200);
            at(minute += 8 + (int) (token % 5));
            Api.act(token, "complete").then().statusCode(200);
        }
        at(minute += 2);
        state("CLOSED");
        clock.reset(); // the pages are read today, as a closed day's report
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theDayViewDrawsItsChartsShowsTheApiTotalsAndItsCsvHasTheSame() throws IOException {
        open("/admin/reports?date=" + day);
        JsonPath api = admin("/api/reports/day?date=" + day);
        assertThat(api.getInt("totals.issued")).isEqualTo(6);
        for (String total : List.of("issued", "completed", "noShow", "cancelled")) {
            assertThat(page.getByTestId("total-" + total)).hasText(api.getString("totals." + total));
        }
        Locator row = page.locator("[data-testid=services] tr[data-key=" + service + "] td");
        assertThat(row.nth(1)).hasText(api.getString("byService.find { it.serviceCode == '" + service + "' }.issued"));
        assertThat(row.nth(3)).hasText(api.getString("byService.find { it.serviceCode == '" + service + "' }.completed"));
        assertThat(page.locator("[data-testid=hours] tr[data-key='9'] td").nth(1))
                .hasText(api.getString("byHour.find { it.hour == 9 }.arrivals"));
        assertThat(page.locator("[data-testid=outages] tbody tr")).hasCount(api.getList("outages").size());
        for (String chart : List.of("hourly-counts", "hourly-waiting")) {
            assertThat(ReportsFixtureBrowserTest.drawnPixels(page, chart)).as(chart).isGreaterThan(1000);
            assertThat(outageSpans(chart)).as(chart).isEqualTo(1);
        }

        Download csv = page.waitForDownload(() -> page.getByTestId("csv-day").click());
        List<String> lines = Files.readAllLines(csv.path());
        List<String> header = Arrays.asList(lines.get(0).split(","));
        String[] totals = lines.stream().filter(l -> l.contains(",TOTAL,")).findFirst().orElseThrow().split(",", -1);
        assertThat(totals[header.indexOf("issued")]).isEqualTo(page.getByTestId("total-issued").textContent());
        assertThat(totals[header.indexOf("completed")]).isEqualTo(page.getByTestId("total-completed").textContent());
        assertThat(totals[header.indexOf("no_show")]).isEqualTo(page.getByTestId("total-noShow").textContent());
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void theRangeAndCounterViewsDrawTheirChartsAndTables() {
        open("/admin/reports/range?from=" + day.minusDays(13) + "&to=" + day);
        for (String chart : List.of("daily-counts", "daily-waiting")) {
            assertThat(ReportsFixtureBrowserTest.drawnPixels(page, chart)).as(chart).isGreaterThan(1000);
            assertThat(outageSpans(chart)).as(chart).isEqualTo(1);
        }
        assertThat(page.locator("[data-testid=days] tr[data-key='" + day + "'] td").nth(1)).hasText("6");
        Locator weekday = page.locator("[data-testid=heatmap] tr[data-weekday='" + day.getDayOfWeek().getValue() + "']");
        assertThat(weekday.locator("td.heat-5")).not().hasCount(0);

        open("/admin/reports/counters?date=" + day);
        JsonPath api = admin("/api/reports/counters?date=" + day);
        assertThat(ReportsFixtureBrowserTest.drawnPixels(page, "utilisation")).isGreaterThan(1000);
        assertThat(page.locator("[data-testid=counters] tr[data-key='" + counter + "'] td").nth(4))
                .hasText(api.getString("counters.find { it.counterId == " + counter + " }.completed"));
        assertThat(page.locator("[data-testid=staff] tr[data-key='" + counter + "/" + Api.STAFF_USER + "']")).hasCount(1);
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void theA4SummaryShowsTheDaysTotalsAndItsChart() {
        open("/admin/reports/day/print?date=" + day);
        assertThat(page.getByTestId("total-issued")).hasText("6");
        assertThat(page.getByTestId("total-noShow")).hasText(admin("/api/reports/day?date=" + day).getString("totals.noShow"));
        assertThat(ReportsFixtureBrowserTest.drawnPixels(page, "hourly-counts")).isGreaterThan(1000);
        assertThat(consoleErrors).isEmpty();
    }

    private void open(String path) {
        page.navigate(base.resolve(path).toString());
        if (page.url().contains("/login")) {
            Browser.logIn(page, "admin", "admin123");
            page.waitForURL(base.resolve(path).toString());
        }
        assertThat(page.locator("body")).hasAttribute("data-ready", "true");
    }

    private int outageSpans(String chart) {
        return ((Number) page.evaluate("name => Chart.getChart(document.querySelector(`canvas[data-chart=\"${name}\"]`))"
                + ".options.plugins.outages.spans.length", chart)).intValue();
    }

    private static JsonPath admin(String path) {
        return Api.as("admin", "admin123").get(path).then().statusCode(200).extract().jsonPath();
    }

    private Instant instant(int minutesAfterNine) {
        return nine.plus(Duration.ofMinutes(minutesAfterNine));
    }

    private void at(int minutesAfterNine) {
        clock.freezeAt(instant(minutesAfterNine));
    }

    private void state(String state) {
        Api.as("admin", "admin123").contentType(ContentType.JSON).body(Map.of("state", state))
                .put("/api/counters/" + counter + "/state").then().statusCode(200);
    }
}
