package org.opdqueue.appointment;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.opdqueue.support.Api;
import org.opdqueue.support.Browser;
import org.opdqueue.support.TestHospital;

/** A patient with an appointment checks in at the kiosk, in real Chromium, up to the printed slip. */
@QuarkusTest
// no MidnightDay: the slots are minutes from now, and with a midnight day the one 25 minutes ahead falls into tomorrow
// after 23:35 in the hospital (CI failed so at 23:45 IST); NightTestDay's noon day at night keeps them in one day
class AppointmentKioskBrowserTest {

    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    @TestHTTPResource("/")
    URI base;

    @Inject
    TestHospital hospital;

    BrowserContext context;
    Page page;

    @BeforeEach
    void openKiosk() {
        context = Browser.get().newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1080, 1920));
        context.addInitScript("window.__printed = 0; window.print = () => { window.__printed++; }");
        page = context.newPage();
        page.navigate(base.resolve("/kiosk/?tz=Asia/Kolkata&device=" + Api.KIOSK_KEY).toString());
        // the entry is offered once the kiosk knows its key, and the start screen is drawn again when the lists come
        assertThat(page.locator(".start-hospital")).hasText("Demo District Hospital");
        page.waitForFunction("() => window.__kiosk.offlineReady()");
        assertThat(page.locator("[data-action=appointment]")).isVisible();
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void aPatientTypesTheAppointmentNumberOnTheKeysAndGetsAnAppointmentTokenOnTheSlip() {
        String service = hospital.service();
        Instant slot = Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MINUTES);
        String number = "K" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        AppointmentImportTest.post(Map.of("number", number, "service", service, "slotStart", slot.toString(),
                "patientName", "Asha Devi")).statusCode(200);

        page.locator("[data-action=appointment]").click();
        assertThat(page.locator(".screen-appointment")).isVisible();
        assertThat(page.locator("#field-appointment")).isFocused();
        for (char c : number.toCharArray()) {
            page.locator(".keypad [data-key='" + c + "']").click();
        }
        assertThat(page.locator("#field-appointment")).hasValue(number);
        page.locator("[data-action=find-appointment]").click();

        Locator slip = page.getByTestId("slip");
        assertThat(slip).isVisible();
        assertThat(slip.getByTestId("slip-number")).hasText(service + "-001");
        String time = DateTimeFormatter.ofPattern("HH:mm").format(slot.atZone(IST));
        assertThat(slip.getByTestId("slip-appointment")).containsText("Appointment at " + time);
        page.waitForFunction("() => window.__printed === 1");
        assertThat(org.opdqueue.support.Axe.seriousOrCritical(page)).as("axe on the slip screen").isEmpty();
        long id = Api.staff().get("/api/queues/" + service).then().statusCode(200).extract().jsonPath()
                .getLong("waiting[0].id");
        Api.staff().get("/api/tokens/" + id).then().statusCode(200)
                .body("channel", org.hamcrest.Matchers.equalTo("APPOINTMENT"));
    }

    @Test
    void aScannedQrCodeAndEnterFindTheAppointmentsOfAMobileAndThePatientPicksTheirs() {
        String first = hospital.service();
        String second = hospital.service();
        String mobile = "9" + ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999);
        Instant slot = Instant.now().plus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.MINUTES);
        AppointmentImportTest.post(Map.of("appointments", java.util.List.of(
                Map.of("number", "M" + mobile + "A", "service", first, "slotStart", slot.toString(), "mobile", mobile,
                        "patientName", "Ravi Kumar"),
                Map.of("number", "M" + mobile + "B", "service", second, "slotStart", slot.plusSeconds(1200).toString(),
                        "mobile", mobile, "patientName", "Sita Kumari")))).statusCode(200);

        page.locator("[data-action=appointment]").click();
        assertThat(page.locator(".screen-appointment")).isVisible();
        assertThat(org.opdqueue.support.Axe.seriousOrCritical(page)).as("axe on the appointment screen").isEmpty();
        assertThat(page.locator("#field-appointment")).isFocused();
        // a keyboard-wedge scanner types into the focused field and presses Enter
        page.keyboard().type("https://portal.example.org/checkin?number=" + mobile);
        page.keyboard().press("Enter");

        assertThat(page.locator("[data-choice]")).hasCount(2);
        assertThat(page.locator("[data-choice]").nth(1)).containsText("S.K.");
        assertThat(page.locator(".screen-appointment-pick")).not().containsText("Sita");
        page.locator("[data-choice]").nth(1).click();

        assertThat(page.getByTestId("slip").getByTestId("slip-number")).hasText(second + "-001");
        assertThat(page.evaluate("window.__printed")).isIn(0, 1);
    }

    @Test
    void anUnknownNumberIsSaidOnTheScreenAndThePatientCanTypeAgain() {
        page.locator("[data-action=appointment]").click();
        assertThat(page.locator("#field-appointment")).isFocused();
        page.keyboard().type("NOSUCH-1");
        page.keyboard().press("Enter");
        assertThat(page.locator("#appointment-notice")).containsText("No appointment for today was found");
        assertThat(page.locator("#field-appointment")).hasValue("NOSUCH-1");
    }
}
