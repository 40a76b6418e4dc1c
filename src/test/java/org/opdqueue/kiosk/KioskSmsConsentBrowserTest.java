package org.opdqueue.kiosk;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.support.Api;
import org.opdqueue.support.Browser;
import org.opdqueue.support.TestHospital;
import org.opdqueue.token.Token;

/** The SMS consent tick box on the kiosk's details screen (issue 17), in real Chromium. */
@QuarkusTest
class KioskSmsConsentBrowserTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    TestHospital hospital;

    @Inject
    Facility facility;

    @Inject
    HospitalClock clock;

    BrowserContext context;
    Page page;

    @BeforeEach
    void openKiosk() {
        context = Browser.get().newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1080, 1920));
        context.addInitScript("window.__printed = 0; window.print = () => { window.__printed++; }");
        page = context.newPage();
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void aPatientWhoTicksTheBoxInHindiGetsATokenThatMayBeMessagedInHindi() {
        String service = hospital.service();
        toDetails(service, "hi");
        page.locator("#field-mobile").fill("9876543210");
        assertThat(page.getByTestId("sms-consent")).not().isChecked();
        assertThat(page.locator("label.consent .primary")).hasText("मेरी बारी पास आने पर और बुलाए जाने पर इस मोबाइल पर SMS भेजें");
        assertThat(page.locator("label.consent .secondary")).hasText("Send me an SMS on this mobile when my turn is near and when I am called");
        page.locator("label.consent").click();
        assertThat(page.getByTestId("sms-consent")).isChecked();
        assertThat(org.opdqueue.support.Axe.seriousOrCritical(page)).as("axe on the details with the tick box").isEmpty();
        page.locator(".btn-continue").click();
        assertThat(page.getByTestId("confirm-sms")).containsText("SMS");
        page.locator("[data-action=print]").click();
        assertThat(page.getByTestId("slip-number")).hasText(service + "-001");

        Token token = token(service + "-001");
        assertThat(token.patientMobile).isEqualTo("9876543210");
        assertThat(token.notifyConsent).isTrue();
        assertThat(token.notifyLanguage).isEqualTo("hi");
    }

    @Test
    void aMobileNumberWithoutTheTickIsNoConsent() {
        String service = hospital.service();
        toDetails(service, "en");
        page.locator("#field-mobile").fill("9876543211");
        page.locator(".btn-continue").click();
        assertThat(page.getByTestId("confirm-sms")).hasCount(0);
        page.locator("[data-action=print]").click();
        assertThat(page.getByTestId("slip-number")).hasText(service + "-001");

        Token token = token(service + "-001");
        assertThat(token.patientMobile).isEqualTo("9876543211");
        assertThat(token.notifyConsent).isFalse();
        assertThat(token.notifyLanguage).isNull();
    }

    private void toDetails(String service, String lang) {
        page.navigate(base.resolve("/kiosk/?details=on&lang=" + lang + "&device=" + Api.KIOSK_KEY).toString());
        page.locator(".start-touch").click();
        page.locator("[data-service=" + service + "]").click();
        page.locator("[data-category=GENERAL]").click();
        assertThat(page.locator(".screen-details")).isVisible();
    }

    private Token token(String number) {
        return QuarkusTransaction.requiringNew().call(() ->
                Token.findByDisplayNumber(facility.code(), clock.businessDay(), number).orElseThrow());
    }
}
