package org.opdqueue.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.opdqueue.support.Api;
import org.opdqueue.support.Browser;
import org.opdqueue.support.DeskBrowserTest;
import org.opdqueue.support.Screens;
import org.opdqueue.support.StaffSession;
import org.opdqueue.support.TestHospital;

/** Counter staff in real Chromium: log in, call the next patient, serve, and issue for a walk-in. */
@QuarkusTest
class ConsoleBrowserTest extends DeskBrowserTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    TestHospital hospital;

    @Test
    void logInCallNextAndComplete() {
        String service = hospital.service();
        long counter = hospital.openCounter(service);
        String general = Api.issue(service).getString("number");
        String senior = Api.issue(service, "SENIOR_CITIZEN").getString("number");

        page.navigate(base.resolve("/console/" + counter).toString());
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        logIn("counter1", "counter123");
        assertThat(page).hasURL(Pattern.compile(".*/console/" + counter + "$"));

        assertThat(page.getByTestId("waiting-" + service).locator("li")).hasText(new String[] {
                senior + " waited < 1 min senior citizen", general + " waited < 1 min" });
        Screens.keep(page, "console");
        page.getByTestId("call-next").click();
        assertThat(page.getByTestId("current-number")).hasText(senior);
        assertThat(page.getByTestId("current-status")).hasText("Called, not started yet / बुलाया गया, अभी शुरू नहीं");
        page.getByTestId("start").click();
        assertThat(page.getByTestId("current-status")).hasText("Being seen / देखा जा रहा है");
        page.getByTestId("complete").click();
        assertThat(page.getByTestId("current-number")).hasText("—");

        page.keyboard().press("n"); // the same by keyboard
        assertThat(page.getByTestId("current-number")).hasText(general);
        page.keyboard().press("c"); // never started: it asks once
        assertThat(page.getByTestId("console-message")).containsText(general + " was called but never started");
        assertThat(page.getByTestId("current-number")).hasText(general);
        page.keyboard().press("c");
        assertThat(page.getByTestId("current-number")).hasText("—");
        page.keyboard().press("n");
        assertThat(page.getByTestId("console-message")).hasText("Nobody is waiting for this counter.");
        assertThat(page.getByTestId("nobody-" + service)).hasText("Nobody waiting / कोई प्रतीक्षा में नहीं");
        assertThat(page.getByTestId("waiting-lists")).not().containsText("1.");
        assertThat(page.getByTestId("waiting-lists").locator("ol")).hasCount(0);
        assertThat(Api.staff().get("/api/queues/" + service).then().extract().jsonPath().getInt("waitingCount")).isZero();
    }

    @Test
    void aRefusedOfflineSlipOfTheCountersServiceIsABannerUntilAnAdminAcknowledgesIt() {
        String service = hospital.service();
        long counter = hospital.openCounter(service);
        String kiosk = hospital.kiosk();
        String key = Api.as("admin", "admin123").contentType(ContentType.JSON).post("/api/devices/" + kiosk + "/credential")
                .then().statusCode(200).extract().path("key");
        String wrong = service + "-P007"; // the paper books' series: never a kiosk's
        given().header("Authorization", "Device " + key).contentType(ContentType.JSON)
                .body(Map.of("tokens", List.of(Map.of("requestId", UUID.randomUUID().toString(), "serviceCode", service,
                        "offlineNumber", wrong, "issuedAt", Instant.now().toString()))))
                .post("/api/sync/tokens").then().statusCode(200).body("results[0].result", equalTo("rejected"));

        page.navigate(base.resolve("/console/" + counter).toString());
        logIn("counter1", "counter123");
        Locator banner = page.getByTestId("refused-slips");
        assertThat(banner).isVisible();
        assertThat(banner).containsText("offline slip was refused");
        assertThat(banner).containsText("in no queue");
        assertThat(banner.locator("li[data-number='" + wrong + "']")).containsText(kiosk);
        Screens.keep(page, "console-refused-slip");

        List<Map<String, Object>> open = Api.staff().get("/api/offline-refusals?service=" + service).then().statusCode(200)
                .extract().path("$");
        StaffSession admin = StaffSession.logIn("admin", "admin123");
        admin.open("/admin").then().body(containsString("data-number=\"" + wrong + "\""));
        try (BrowserContext desk = Browser.deskContext()) {
            Page dashboard = desk.newPage();
            dashboard.navigate(base.resolve("/admin").toString());
            Browser.logIn(dashboard, "admin", "admin123");
            Locator panel = dashboard.getByTestId("offline-refusals");
            assertThat(panel.locator("tr[data-number='" + wrong + "']")).isVisible();
            Screens.keep(dashboard, "admin-refused-slips");
        }
        admin.form().post("/admin/offline-refusals/" + open.get(0).get("id") + "/acknowledge").then().statusCode(303);
        assertThat(banner).isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(10000));
    }

    @Test
    void problemsFromTheApiAreShownAsSentences() {
        String service = hospital.service();
        long counter = hospital.openCounter(service);
        page.navigate(base.resolve("/console/" + counter).toString());
        logIn("counter1", "counter123");
        page.getByTestId("call-number").fill(service + "-999");
        page.getByTestId("call-number").press("Enter");
        assertThat(page.getByTestId("console-message")).hasText("Today's token " + service + "-999 does not exist");
        page.keyboard().press("Escape"); // leaves the number field, so letters are shortcuts again
        page.keyboard().press("p");
        assertThat(page.getByTestId("counter-state")).hasText("Paused / रुका हुआ");
        assertThat(page.getByTestId("call-next")).isDisabled();
    }

    @Test
    void aRegistrarIssuesForAWalkInWithMessagesNextToTheFields() {
        String service = hospital.service();
        page.navigate(base.resolve("/console").toString());
        logIn("registrar", "registrar123");
        page.locator("#w-service").selectOption(service);
        page.locator("#w-mobile").fill("12345");
        page.locator("#w-abha").fill("12");
        page.locator("#walk-in button[type=submit]").click();
        assertThat(page.locator("[data-error-for='patient.mobile']")).containsText("10-digit mobile number");
        assertThat(page.locator("[data-error-for='patient.abha']")).containsText("14-digit ABHA");
        assertThat(page.locator("#w-mobile")).hasAttribute("aria-invalid", "true");

        page.locator("#w-mobile").fill("9876543210");
        page.locator("#w-abha").fill("");
        page.locator("#w-name").fill("सीता देवी");
        page.locator("#walk-in button[type=submit]").click();
        assertThat(page.getByTestId("walk-in-issued")).containsText("Token " + service + "-001 issued");
        assertThat(page.locator("[data-error-for='patient.mobile']")).isEmpty();
    }

    @Test
    void aWalkInGetsTheKiosksSlipWithItsQrPrintedAtTheCounterAndTheQrOnScreen() {
        String service = hospital.service();
        // The counter PC's printer: window.print() is what sends the slip; here it records what it would print.
        page.addInitScript("window.print = () => { window.__printed = (window.__printed || 0) + 1;"
                + " window.__printedSlip = document.getElementById('print-root').innerHTML; };");
        page.navigate(base.resolve("/console").toString());
        logIn("registrar", "registrar123");
        page.locator("#w-service").selectOption(service);
        page.locator("#walk-in button[type=submit]").click();
        assertThat(page.getByTestId("walk-in-issued")).containsText("Token " + service + "-001 issued");

        page.waitForFunction("() => window.__printed === 1");
        Locator printed = page.locator("#print-root .slip");
        assertThat(printed.locator(".slip-number")).hasText(service + "-001");
        assertThat(printed.locator(".slip-title")).hasText("ओपीडी टोकन · OPD token"); // Hindi first by default
        String statusUrl = printed.locator("img.slip-qr").getAttribute("data-url");
        assertThat(statusUrl).matches(".*/t/[A-Za-z0-9_-]+$");
        Object qrDecoded = page.evaluate("() => document.querySelector('#print-root img.slip-qr').naturalWidth");
        assertThat(((Number) qrDecoded).intValue()).isGreaterThan(100);
        // the page is 80 mm wide, as long as the slip, like the kiosk's
        Object pageRule = page.evaluate("() => [...document.adoptedStyleSheets].flatMap((s) => [...s.cssRules]).map((r) => r.cssText).join()");
        assertThat(pageRule.toString()).contains("size: 80mm");

        page.getByTestId("walk-in-show-qr").click();
        Locator qr = page.getByTestId("walk-in-qr").locator("img");
        assertThat(qr).isVisible();
        assertThat(qr).hasAttribute("data-url", statusUrl);
        assertThat(qr.boundingBox().width).isGreaterThan(200);
        Screens.keep(page, "console-walk-in-slip");

        page.getByTestId("walk-in-print-again").click();
        page.waitForFunction("() => window.__printed === 2");
        assertThat(org.opdqueue.support.Axe.seriousOrCritical(page)).isEmpty();
    }

    @Test
    void aNoShowByMistakeIsUndoneWithinTenSecondsAndTheStatesAreWords() {
        String service = hospital.service();
        long counter = hospital.openCounter(service);
        String number = Api.issue(service).getString("number");
        page.navigate(base.resolve("/console/" + counter).toString());
        logIn("counter1", "counter123");
        page.keyboard().press("n");
        assertThat(page.getByTestId("current-number")).hasText(number);

        page.keyboard().press("x"); // asks once: X sits next to C
        assertThat(page.getByTestId("console-message")).containsText("Mark " + number + " as did not come?");
        assertThat(page.getByTestId("current-number")).hasText(number);
        page.keyboard().press("x");
        assertThat(page.getByTestId("console-message")).hasText(number + ": Did not come / नहीं आए");
        assertThat(page.getByTestId("console-message")).not().containsText("NO_SHOW");
        assertThat(page.getByTestId("current-number")).hasText("—");
        assertThat(page.getByTestId("undo-bar")).isVisible();
        assertThat(page.getByTestId("undo-bar")).containsText("s left");
        Screens.keep(page, "console-undo");

        page.getByTestId("undo").click();
        assertThat(page.getByTestId("current-number")).hasText(number);
        assertThat(page.getByTestId("console-message")).hasText(number + " is back: Called, not started yet / बुलाया गया, अभी शुरू नहीं");
        assertThat(page.getByTestId("undo-bar")).isHidden();
        Api.staff().get("/api/counters/" + counter).then().body("currentToken.number", equalTo(number));

        // No-show and Complete are not side by side
        Object between = page.evaluate("() => { const c = document.querySelector('[data-testid=complete]');"
                + " return c.nextElementSibling.dataset.testid || c.nextElementSibling.className; }");
        assertThat(between).isNotEqualTo("no-show");
        assertThat(org.opdqueue.support.Axe.seriousOrCritical(page)).isEmpty();
    }

    private void logIn(String user, String password) {
        Browser.logIn(page, user, password);
        // a person sees the console before typing; the test waits until its script has taken over the page
        assertThat(page.locator("[data-testid=console][data-ready=true], #walk-in").first()).isVisible();
        // #walk-in is in the HTML before the module has taken its form over; a click then submits it as a plain GET
        // (a race seen in CI)
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
    }
}
