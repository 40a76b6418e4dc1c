package org.opdqueue.docs;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.opdqueue.support.Api;
import org.opdqueue.support.BoardClient;
import org.opdqueue.support.Browser;
import org.opdqueue.support.Screens;

/**
 * Takes the README's pictures of the console, the status page and the hall A board from the demo hospital. Runs only
 * when asked:
 * {@code ./mvnw test -Dtest=ReadmeScreenshotsTest -Dreadme.screenshots=docs/screenshots}.
 */
@QuarkusTest
class ReadmeScreenshotsTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void takeThem() {
        Assumptions.assumeTrue(System.getProperty("readme.screenshots") != null, "screenshots not asked for");
        long room1 = given().get("/api/counters").then().extract().jsonPath().getLong("find { it.code == 'R01' }.id");
        for (String priority : new String[] { "GENERAL", "GENERAL", "SENIOR_CITIZEN", "GENERAL", "PREGNANT", "GENERAL" }) {
            Map<String, Object> body = new HashMap<>(Api.issueBody("MED", priority));
            body.put("channel", "KIOSK");
            Api.kiosk().contentType("application/json").body(body).post("/api/tokens").then().statusCode(201);
        }
        String code = Api.post("/api/tokens", Api.issueBody("MED", "GENERAL"))
                .then().extract().path("code");
        Api.callNext(room1).then().statusCode(200);

        try (BrowserContext desk = Browser.get().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1280, 860))) {
            Page page = desk.newPage();
            page.navigate(base.resolve("/console/" + room1).toString());
            Browser.logIn(page, "registrar", "registrar123");
            assertThat(page.getByTestId("current-number")).hasText("MED-003");
            page.locator("#w-service").selectOption("LAB");
            page.locator("#w-mobile").fill("98765");
            page.locator("#walk-in button[type=submit]").click();
            assertThat(page.locator("[data-error-for='patient.mobile']")).not().isEmpty();
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(java.nio.file.Path.of(System.getProperty("readme.screenshots"), "console.png")));
        }
        // The kiosk in Hindi with the demo hospital's pictures, order and Hindi rooms, then the slip of the one-tap path.
        try (BrowserContext kiosk = Browser.get().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1080, 1920))) {
            kiosk.addInitScript("window.print = () => {};");
            Page page = kiosk.newPage();
            page.navigate(base.resolve("/kiosk/?lang=hi&device=" + Api.KIOSK_KEY).toString());
            page.locator(".start-touch").click();
            assertThat(page.locator("[data-service=MED] .pictogram")).isVisible();
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE); // the pictures are masks, loaded late
            page.waitForTimeout(1000);
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(java.nio.file.Path.of(System.getProperty("readme.screenshots"), "kiosk-departments-hi.png")));
            page.locator("[data-service=MED]").click();
            page.locator("[data-category=GENERAL]").click();
            page.getByTestId("slip").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                    .setPath(java.nio.file.Path.of(System.getProperty("readme.screenshots"), "kiosk-slip.png")));
        }
        try (BrowserContext phone = Browser.get().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(390, 780).setDeviceScaleFactor(1).setIsMobile(true))) {
            Page page = phone.newPage();
            page.navigate(base.resolve("/t/" + code).toString());
            assertThat(page.getByTestId("status-now-calling")).containsText("MED-003");
            Screens.keep(page, "status-page");
        }
        boardOfHallA();
    }

    /**
     * Hall A a few minutes into the day, on a PC that has Hindi and English voices (the test browser has none, and the
     * board would rightly show its staff warning): first as the newest call arrives, then once its banner has gone.
     */
    private void boardOfHallA() {
        for (String service : new String[] { "ORTH", "ORTH", "ORTH", "LAB", "LAB" }) {
            Api.issue(service);
        }
        List<Long> counters = given().get("/api/display/1").then().extract().jsonPath().getList("counters.id", Long.class);
        for (String room : new String[] { "R03", "R04", "R05", "C11", "C12" }) {
            long id = given().get("/api/counters").then().extract().jsonPath().getLong("find { it.code == '" + room + "' }.id");
            if (counters.contains(id)) {
                Api.callNext(id).then().statusCode(200);
            }
        }
        for (int[] screen : new int[][] { { 1920, 1080 }, { 1080, 1920 } }) {
            try (BrowserContext tv = Browser.get().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                    .setViewportSize(screen[0], screen[1]))) {
                tv.addInitScript("speechSynthesis.getVoices = () => [{ lang: 'en-IN' }, { lang: 'hi-IN' }];");
                Page page = tv.newPage();
                page.navigate(base.resolve("/board/1?muted=1&device=" + BoardClient.DEMO_KEY).toString());
                page.waitForFunction("() => window.__board && window.__board.connected()");
                if (screen[0] > screen[1]) {
                    Api.issue("MED");
                    Api.callNext(given().get("/api/counters").then().extract().jsonPath().getLong("find { it.code == 'R02' }.id"))
                            .then().statusCode(200);
                    assertThat(page.getByTestId("call-banner")).isVisible();
                    page.waitForTimeout(300);
                    Screens.keep(page, "board-now-calling");
                }
                assertThat(page.getByTestId("call-banner")).isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(10_000));
                page.waitForTimeout(300);
                Screens.keep(page, screen[0] > screen[1] ? "board" : "board-portrait");
            }
        }
    }
}
