package org.opdqueue.appointment;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.options.FilePayload;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.opdqueue.support.Browser;
import org.opdqueue.support.DeskBrowserTest;
import org.opdqueue.support.TestHospital;

/** The admin uploads an appointments CSV in real Chromium: a bad file is refused naming its rows, a good one lands. */
@QuarkusTest
@io.quarkus.test.junit.TestProfile(org.opdqueue.support.MidnightDay.class) // fixed times of a calendar day
class AdminAppointmentsBrowserTest extends DeskBrowserTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    TestHospital hospital;

    @Test
    void anAdminUploadsACsvFixesTheRowsItNamesAndSeesTodaysAppointments() {
        String service = hospital.service();
        String today = LocalDate.now(ZoneId.of("Asia/Kolkata")).toString();
        String number = "CSV-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        page.navigate(base.resolve("/admin/appointments").toString());
        Browser.logIn(page, "admin", "admin123");
        page.waitForURL(base.resolve("/admin/appointments").toString());

        String bad = "appointment_number,service,slot_start,patient_name,mobile\n"
                + number + "," + service + "," + today + " 23:50,Asha Devi,12345\n";
        upload(bad);
        assertThat(page.getByTestId("import-errors")).containsText("row 2: mobile");
        assertThat(page.getByTestId("appointments")).not().containsText(number);

        upload(bad.replace(",12345", ",9876543210"));
        assertThat(page.getByTestId("imported")).containsText("Imported: 1 new");
        assertThat(page.getByTestId("appointments")).containsText(number);
        assertThat(page.getByTestId("appointments")).containsText("Asha Devi");

        page.locator("[data-testid=windows] form:has(input[value=" + service + "]) input[name=earlyMinutes]").fill("45");
        page.locator("[data-testid=windows] form:has(input[value=" + service + "]) button").click();
        assertThat(page.locator("[data-testid=windows] form:has(input[value=" + service + "]) input[name=earlyMinutes]"))
                .hasValue("45");
    }

    @Test
    void aRegistrarFindsAnAppointmentByMobileAtTheConsoleAndChecksThePatientIn() {
        String service = hospital.service();
        String mobile = "8" + ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999);
        String number = "DESK-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        // ten minutes ahead, or (in the calendar day's last ten minutes: this class keeps a midnight day) five behind,
        // within the 15-minute late window either way
        ZoneId hospitalZone = ZoneId.of("Asia/Kolkata");
        java.time.Instant slot = java.time.Instant.now().plusSeconds(600);
        if (!LocalDate.ofInstant(slot, hospitalZone).equals(LocalDate.now(hospitalZone))) {
            slot = java.time.Instant.now().minusSeconds(300);
        }
        AppointmentImportTest.post(java.util.Map.of("number", number, "service", service, "slotStart",
                slot.toString(), "mobile", mobile, "patientName", "Sita Devi"))
                .statusCode(200);
        page.navigate(base.resolve("/console").toString());
        Browser.logIn(page, "registrar", "registrar123");
        // the console's module must have taken the form over, or the click submits it as a plain GET (a race seen in CI)
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);

        page.locator("#a-query").fill(mobile);
        page.locator("[data-testid=appointment-search] button").click();
        assertThat(page.getByTestId("appointment-results")).containsText("Sita Devi");
        page.getByTestId("appointment-results").locator("button").click();
        assertThat(page.getByTestId("appointment-message")).hasText("Checked in: token " + service + "-001");
        page.getByTestId("appointment-results").locator("button").click();
        assertThat(page.getByTestId("appointment-message")).hasText("Already checked in: token " + service + "-001");
    }

    private void upload(String csv) {
        page.locator("#file").setInputFiles(new FilePayload("appointments.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)));
        page.locator("[data-testid=import-form] button[type=submit]").click();
    }
}
