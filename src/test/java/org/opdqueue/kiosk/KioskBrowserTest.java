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

    private Locator issue(String service, String category) {
        page.locator("[data-service=" + service + "]").click();
        page.locator("[data-category=" + category + "]").click();
        page.locator(".btn-skip").click();
        page.locator("[data-action=print]").click();
        Locator slip = page.getByTestId("slip");
        assertThat(slip).isVisible();
        return slip;
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
