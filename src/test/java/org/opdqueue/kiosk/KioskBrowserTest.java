package org.opdqueue.kiosk;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.opdqueue.support.Api;
import org.opdqueue.support.Browser;
import org.opdqueue.support.Screens;
import org.opdqueue.support.TestHospital;

/** A patient at the kiosk, in real Chromium, up to the printed slip and the QR code on it. */
@QuarkusTest
class KioskBrowserTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    TestHospital hospital;

    BrowserContext context;
    Page page;

    @BeforeEach
    void openKiosk() {
        context = Browser.get().newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1080, 1920));
        // The kiosk PC prints without a dialog (--kiosk-printing); here printing is a no-op we can count.
        context.addInitScript("window.__printed = 0; window.print = () => { window.__printed++; }");
        page = context.newPage();
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void aPatientTakesATokenInEnglish() {
        String service = hospital.service();
        Api.issue(service); // one patient already waiting
        page.navigate(base.resolve("/kiosk/?device=" + Api.KIOSK_KEY).toString());
        page.locator(".start-touch").click();

        Locator slip = issue(service, "SENIOR_CITIZEN");

        assertThat(slip.getByTestId("slip-number")).hasText(service + "-002");
        assertThat(slip.getByTestId("slip-service")).containsText("Test service " + service);
        assertThat(slip.getByTestId("slip-ahead")).containsText("People ahead");
        assertThat(slip.getByTestId("slip-ahead")).containsText("0"); // a senior citizen goes before the general token
        assertThat(slip.getByTestId("slip-wait")).containsText("Estimated wait");
        JsonPath status = checkQrLeadsToStatusPage(slip, service + "-002");
        assertThat(slip.getByTestId("slip-ahead").locator(".slip-value")).hasText(status.getString("peopleAhead"));
        assertThat(page.evaluate("window.__printed")).isEqualTo(1);
    }

    @Test
    void aPatientTakesATokenInHindi() {
        String service = hospital.service();
        Api.issue(service);
        Api.issue(service);
        page.navigate(base.resolve("/kiosk/?device=" + Api.KIOSK_KEY).toString());
        page.locator("button.btn-language-big[lang=hi]").click();

        Locator slip = issue(service, "GENERAL");

        assertThat(slip.getByTestId("slip-number")).hasText(service + "-003");
        assertThat(slip.getByTestId("slip-service").locator(".primary")).hasText("परीक्षण सेवा " + service);
        assertThat(slip.getByTestId("slip-ahead")).containsText("आगे");
        assertThat(slip.getByTestId("slip-ahead").locator(".slip-value")).hasText("2");
        assertThat(slip.getByTestId("slip-wait").locator(".slip-value")).containsText("10");
        checkQrLeadsToStatusPage(slip, service + "-003");
        assertThat(page.evaluate("window.__printed")).isEqualTo(1);
    }

    /** The one-tap path (no details asked, the default): the department, the category, and the slip prints. */
    private Locator issue(String service, String category) {
        page.locator("[data-service=" + service + "]").click();
        page.locator("[data-category=" + category + "]").click();
        Locator slip = page.getByTestId("slip");
        assertThat(slip).isVisible();
        return slip;
    }

    @Test
    void withDetailsOffTwoTapsAfterTheStartScreenGiveTheSlipAndTheScreensPassAxe() {
        String service = hospital.service();
        page.navigate(base.resolve("/kiosk/?device=" + Api.KIOSK_KEY).toString());
        assertThat(page.locator("meta[name=viewport]")).not().hasAttribute("content", java.util.regex.Pattern.compile(".*user-scalable.*"));
        assertThat(org.opdqueue.support.Axe.seriousOrCritical(page)).as("axe on the start screen").isEmpty();
        page.locator(".start-touch").click();
        assertThat(page.locator("[data-service=" + service + "]")).isVisible();
        assertThat(org.opdqueue.support.Axe.seriousOrCritical(page)).as("axe on the departments").isEmpty();
        page.locator("[data-service=" + service + "]").click(); // tap 1
        assertThat(page.locator(".step").first()).hasText("Step 2 of 2");
        assertThat(org.opdqueue.support.Axe.seriousOrCritical(page)).as("axe on the categories").isEmpty();
        page.locator("[data-category=GENERAL]").click(); // tap 2
        assertThat(page.getByTestId("slip-number")).hasText(service + "-001");
        assertThat(page.locator(".screen-details, .screen-confirm")).hasCount(0);
        page.waitForFunction("() => window.__printed === 1");
        assertThat(org.opdqueue.support.Axe.seriousOrCritical(page)).as("axe on the slip screen").isEmpty();
    }

    @Test
    void aKioskSetToAskForDetailsShowsTheDetailsAndConfirmScreensBeforeTheSlip() {
        String service = hospital.service();
        page.navigate(base.resolve("/kiosk/?details=on&device=" + Api.KIOSK_KEY).toString());
        page.locator(".start-touch").click();
        page.locator("[data-service=" + service + "]").click();
        page.locator("[data-category=GENERAL]").click();
        assertThat(page.locator(".screen-details")).isVisible();
        assertThat(org.opdqueue.support.Axe.seriousOrCritical(page)).as("axe on the details").isEmpty();
        page.locator(".btn-skip").click();
        assertThat(org.opdqueue.support.Axe.seriousOrCritical(page)).as("axe on the confirm screen").isEmpty();
        page.locator("[data-action=print]").click();
        assertThat(page.getByTestId("slip-number")).hasText(service + "-001");
    }

    @Test
    void aHindiKioskShowsTheDepartmentsInTheAdminsOrderWithTheirPictureAndTheHindiRoomOnScreenAndSlip() {
        String first = hospital.service();
        String second = hospital.service();
        hospital.placeOnKiosk(second, 1, "EYE", "Rooms 4–5, first floor", "कमरा 4–5, पहली मंज़िल");
        hospital.placeOnKiosk(first, 2, null, "Room 9", null);
        page.navigate(base.resolve("/kiosk/?lang=hi&device=" + Api.KIOSK_KEY).toString());
        page.locator(".start-touch").click();

        Locator tiles = page.locator(".tile-service");
        page.locator("[data-service=" + first + "]").waitFor(); // the departments drawn (a race seen in CI)
        page.locator("[data-service=" + second + "]").waitFor();
        String order = page.evaluate("() => [...document.querySelectorAll('.tile-service')].map((t) => t.dataset.service).join()").toString();
        assertThat(order.indexOf(second)).isLessThan(order.indexOf(first));
        Locator eye = page.locator("[data-service=" + second + "] .pictogram");
        assertThat(eye).hasAttribute("data-pictogram", "EYE");
        // evaluated in the page, not through boundingBox(): the list is drawn again when fresh waiting counts arrive
        Number width = (Number) eye.evaluate("(el) => el.getBoundingClientRect().width");
        assertThat(width.doubleValue()).as("the picture's width").isGreaterThan(40);
        assertThat(eye.evaluate("(el) => getComputedStyle(el).maskImage").toString()).contains("pictograms/eye.svg");
        assertThat(page.locator("[data-service=" + first + "] .pictogram")).hasCount(0);
        assertThat(page.locator("[data-service=" + second + "] .tile-room")).hasText("कमरा 4–5, पहली मंज़िल");
        assertThat(page.locator("[data-service=" + first + "] .tile-room")).hasText("Room 9"); // no Hindi given

        page.locator("[data-service=" + second + "]").click();
        page.locator("[data-category=GENERAL]").click();
        Locator room = page.getByTestId("slip").getByTestId("slip-room");
        assertThat(room.locator("div")).hasText(new String[] { "कमरा 4–5, पहली मंज़िल", "Rooms 4–5, first floor" });
        assertThat(tiles).hasCount(0);
    }

    /** The QR code on the slip, read as a phone would, opens this token's status page. */
    private JsonPath checkQrLeadsToStatusPage(Locator slip, String number) {
        Locator qr = slip.getByTestId("slip-qr");
        String url = Screens.qrText(qr);
        assertThat(url).isEqualTo(qr.getAttribute("data-url")).startsWith(base.resolve("/t/").toString());
        JsonPath status = given().get(url + "/state").then().statusCode(200).extract().jsonPath();
        assertThat(status.getString("number")).isEqualTo(number);
        return status;
    }
}
