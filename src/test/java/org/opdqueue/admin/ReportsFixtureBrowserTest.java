package org.opdqueue.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.opdqueue.support.Browser;
import org.opdqueue.support.DeskBrowserTest;
import org.opdqueue.support.Screens;

/**
 * The report pages drawing a busy hospital day with an outage (fixtures in src/test/resources/reports, in the shape of
 * /api/reports/...): the outage is shaded on every time chart, the heat map shades the morning peak, and the A4
 * summary fits one sheet. These also make the README's pictures.
 */
@QuarkusTest
class ReportsFixtureBrowserTest extends DeskBrowserTest {

    @TestHTTPResource("/")
    URI base;

    private final List<String> consoleErrors = new ArrayList<>();

    @BeforeEach
    void answerFromFixtures() {
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
        page.route("**/api/reports/**", route -> route.fulfill(new Route.FulfillOptions()
                .setStatus(200).setContentType("application/json").setBody(fixture(route.request().url()))));
    }

    @Test
    void theDayViewShadesTheOutageOnBothHourCharts() {
        open("/admin/reports?date=2026-03-02");
        assertThat(page.getByTestId("total-issued")).hasText("345");
        assertThat(page.getByTestId("total-waitingMedian")).hasText("21 min");
        assertThat(page.locator("[data-testid=services] tr[data-key=MED] td").nth(1)).hasText("190");
        assertThat(page.locator("[data-testid=estimates] tr[data-key=ORTH]")).containsText("-1.5 min");
        assertThat(page.locator("[data-testid=appointment-no-shows] tbody tr").first()).containsText("MED");
        for (String chart : List.of("hourly-counts", "hourly-waiting")) {
            assertThat(outageSpans(chart)).as(chart).isEqualTo(1);
            assertThat(drawnPixels(chart)).as(chart).isGreaterThan(1000);
        }
        Screens.keep(page.locator("main").page(), "reports-day");
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void theRangeViewShadesTheOutageDayAndTheHeatMapItsBusiestHour() {
        open("/admin/reports/range?from=2026-01-06&to=2026-03-02");
        for (String chart : List.of("daily-counts", "daily-waiting")) {
            assertThat(outageSpans(chart)).as(chart).isEqualTo(1);
            assertThat(drawnPixels(chart)).as(chart).isGreaterThan(1000);
        }
        Locator monday = page.locator("[data-testid=heatmap] tr[data-weekday='1']");
        assertThat(monday.locator("td[data-hour='10']")).hasClass("heat-5");
        assertThat(page.locator("[data-testid=heatmap] tr[data-weekday='7'] td.heat-0")).not().hasCount(0);
        page.getByTestId("heatmap-card").scrollIntoViewIfNeeded();
        if (System.getProperty("readme.screenshots") != null) {
            page.getByTestId("heatmap-card").screenshot(new Locator.ScreenshotOptions()
                    .setPath(java.nio.file.Path.of(System.getProperty("readme.screenshots"), "reports-heatmap.png")));
        }
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void theCounterViewShowsUtilisationAsAShareOfOpenTime() {
        open("/admin/reports/counters?date=2026-03-02");
        assertThat(page.locator("[data-testid=counters] tr[data-key='1'] td").nth(3)).hasText("78.6 %");
        assertThat(page.locator("[data-testid=staff] tbody tr")).hasCount(4);
        assertThat(drawnPixels("utilisation")).isGreaterThan(1000);
        Screens.keep(page, "reports-counters");
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void theA4SummaryPrintsOnOneSheet() {
        open("/admin/reports/day/print?date=2026-03-02");
        assertThat(page.getByTestId("total-issued")).hasText("345");
        assertThat(drawnPixels("hourly-counts")).isGreaterThan(1000);
        assertThat(outageSpans("hourly-counts")).isEqualTo(1);
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
        assertThat(page.getByTestId("toolbar")).isHidden();
        byte[] pdf = page.pdf(new Page.PdfOptions().setPreferCSSPageSize(true).setPrintBackground(true));
        assertThat(pages(pdf)).as("sheets of A4").isEqualTo(1);
        assertThat(consoleErrors).isEmpty();
    }

    private void open(String path) {
        page.navigate(base.resolve(path).toString());
        Browser.logIn(page, "admin", "admin123");
        page.waitForURL(base.resolve(path).toString());
        assertThat(page.locator("body")).hasAttribute("data-ready", "true");
    }

    /** How many outage spans the chart was given (Chart.js keeps each chart on its canvas). */
    private int outageSpans(String chart) {
        return ((Number) page.evaluate("name => Chart.getChart(document.querySelector(`canvas[data-chart=\"${name}\"]`))"
                + ".options.plugins.outages.spans.length", chart)).intValue();
    }

    /** Pixels the chart painted: a canvas Chart.js failed on stays blank. */
    static int drawnPixels(Page page, String chart) {
        return ((Number) page.evaluate("""
                name => {
                  const canvas = document.querySelector(`canvas[data-chart="${name}"]`);
                  if (!canvas || !canvas.width || !canvas.height) return 0;
                  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                  let painted = 0;
                  for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
                  return painted;
                }""", chart)).intValue();
    }

    private int drawnPixels(String chart) {
        return drawnPixels(page, chart);
    }

    static int pages(byte[] pdf) {
        return new String(pdf, StandardCharsets.ISO_8859_1).split("/Type\\s*/Page[^s]", -1).length - 1;
    }

    private static String fixture(String url) {
        String name = URI.create(url).getPath().replaceFirst(".*/api/reports/", "");
        try (InputStream in = ReportsFixtureBrowserTest.class.getResourceAsStream("/reports/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("no fixture for " + url);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
