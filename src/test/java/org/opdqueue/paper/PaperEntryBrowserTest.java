package org.opdqueue.paper;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Keyboard;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.opdqueue.support.Browser;
import org.opdqueue.support.DeskBrowserTest;
import org.opdqueue.support.Screens;
import org.opdqueue.support.TestHospital;

/** A registration clerk back-enters a run of paper slips in real Chromium, with the keyboard alone. */
@QuarkusTest
@io.quarkus.test.junit.TestProfile(org.opdqueue.support.MidnightDay.class) // fixed times of a calendar day
class PaperEntryBrowserTest extends DeskBrowserTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    TestHospital hospital;

    @Inject
    org.opdqueue.support.MutableClock clock;

    @Test
    void aRunOfSlipsNeedsOnlyTheNumberAndEnter() {
        String service = hospital.service();
        PaperApi.reserve(service, 20).then().statusCode(201);
        logIn("registrar", "registrar123", "/paper/entry");
        Locator number = page.locator("#number");
        Locator result = page.getByTestId("entry-result");
        assertThat(number).isFocused();
        assertThat(page.locator("#issuedTime")).hasValue(java.util.regex.Pattern.compile("\\d\\d:\\d\\d"));
        Keyboard keys = page.keyboard();

        long started = System.nanoTime();
        for (int slip = 1; slip <= 8; slip++) {
            String full = String.format("%s-P%04d", service, slip);
            keys.type(slip <= 2 ? full : String.valueOf(slip)); // after the first, the digits are enough
            keys.press("Enter");
            assertThat(result).hasText(java.util.regex.Pattern.compile("^✓ " + full + " entered: Test service " + service + ", waiting"));
            assertThat(number).isFocused();
            assertThat(number).hasValue("");
        }
        long perSlipMillis = (System.nanoTime() - started) / 8 / 1_000_000;
        System.out.printf("paper back-entry in the browser: %d ms per slip (typing included)%n", perSlipMillis);
        assertThat(perSlipMillis).as("well under the 10 s a slip target").isLessThan(10_000);

        keys.type(service + "-P0003");
        keys.press("Enter");
        assertThat(result).containsText("✗ " + service + "-P0003 refused (duplicate): " + service
                + "-P0003 was already entered by registrar at ");
        assertThat(result).hasAttribute("data-outcome", "refused");
        assertThat(number).isFocused();

        keys.press("Control+A"); // the refused number is selected, so the next scan replaces it
        keys.type("21");
        keys.press("Enter");
        assertThat(result).containsText("✗ " + service + "-P0021 refused (out of range): " + service
                + "-P0021 is in no paper book; the paper books of " + service + " are book ");
        assertThat(number).isFocused();

        // optional details by Tab, then Enter from the last field; "already seen" makes it completed
        keys.press("Control+A");
        keys.type("9");
        keys.press("Tab"); // the time: keep it
        keys.press("Tab"); // the date: keep it
        keys.press("Tab");
        keys.press("Space"); // already seen
        keys.press("Enter");
        assertThat(result).hasText("✓ " + service + "-P0009 entered: Test service " + service + ", recorded as seen.");
        assertThat(number).isFocused();

        assertThat(page.getByTestId("count-created")).hasText("9");
        assertThat(page.getByTestId("count-refused")).hasText("2");
        assertThat(page.locator("#sitting tr")).hasCount(11);
        assertThat(page.locator("#sitting tr").first()).hasAttribute("data-number", service + "-P0009");
        Screens.keep(page, "paper-entry");
    }

    @Test
    void aTimeInTheFutureIsRefusedNextToTheTimeField() {
        String service = hospital.service();
        PaperApi.reserve(service, 5).then().statusCode(201);
        logIn("registrar", "registrar123", "/paper/entry");
        page.locator("#issuedDate").fill(java.time.LocalDate.now().plusDays(2).toString());
        page.locator("#number").focus();
        page.keyboard().type(service + "-P0001");
        page.keyboard().press("Enter");
        assertThat(page.locator("[data-error-for=issuedAt]")).hasText("must not be in the future");
        assertThat(page.locator("#issuedTime")).isFocused();
        page.locator("#issuedTime").fill("25:00");
        page.locator("#number").press("Enter");
        assertThat(page.locator("[data-error-for=issuedAt]")).hasText("Type the time as 10:45 (24-hour clock).");
        assertThat(page.getByTestId("count-created")).hasText("0");
    }

    @Test
    void aPcSetToNewYorkTimeEntersASlipAtTheTimeWrittenOnItInTheHospitalsZone() {
        String service = hospital.service();
        clock.advance(java.time.Duration.ofMinutes(-30)); // the book was printed before the outage began
        try {
            PaperApi.reserve(service, 5).then().statusCode(201);
        } finally {
            clock.reset();
        }
        context.close();
        context = Browser.get().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1280, 900).setTimezoneId("America/New_York"));
        page = context.newPage();
        logIn("registrar", "registrar123", "/paper/entry");
        java.time.ZonedDateTime hospitalNow = java.time.ZonedDateTime.now(java.time.ZoneId.of("Asia/Kolkata"));
        // the page starts at the hospital's clock, not the PC's
        assertThat(page.locator("#issuedDate")).hasValue(hospitalNow.toLocalDate().toString());
        java.time.ZonedDateTime written = hospitalNow.minusMinutes(5); // what the clerk reads off the slip
        page.locator("#issuedDate").fill(written.toLocalDate().toString());
        page.locator("#issuedTime").fill(String.format("%02d:%02d", written.getHour(), written.getMinute()));
        page.locator("#number").focus();
        page.keyboard().type(service + "-P0001");
        page.keyboard().press("Enter");
        assertThat(page.getByTestId("entry-result")).hasText(java.util.regex.Pattern.compile("^✓ " + service + "-P0001 entered"));
        java.time.Instant issuedAt = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> org.opdqueue.token.Token
                .<org.opdqueue.token.Token>find("displayNumber", service + "-P0001").firstResult().issuedAt);
        assertThat(issuedAt).isEqualTo(written.withSecond(0).withNano(0).toInstant());

        // a time in the future says so in words, not by the field's name
        page.locator("#issuedDate").fill(hospitalNow.toLocalDate().plusDays(2).toString());
        page.locator("#number").focus();
        page.keyboard().type(service + "-P0002");
        page.keyboard().press("Enter");
        assertThat(page.getByTestId("entry-result")).containsText("The time on the slip must not be in the future");
        assertThat(page.getByTestId("entry-result")).not().containsText("issuedAt");
    }

    @Test
    void counterStaffCannotOpenThePage() {
        logIn("counter1", "counter123", "/console");
        assertThat(page.navigate(base.resolve("/paper/entry").toString()).status()).isEqualTo(403);
    }

    private void logIn(String user, String password, String path) {
        page.navigate(base.resolve(path).toString());
        Browser.logIn(page, user, password);
        page.waitForURL(base.resolve(path).toString());
    }
}
