package org.opdqueue.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.opdqueue.support.Browser;
import org.opdqueue.support.DeskBrowserTest;
import org.opdqueue.support.Screens;

/** The admin pages in real Chromium. */
@QuarkusTest
class AdminBrowserTest extends DeskBrowserTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void anAdminCreatesAServiceThatThenAppearsOnTheKiosk() {
        String code = "NEW" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36).toUpperCase();
        logIn("admin", "admin123", "/admin/services/new");
        page.locator("#code").fill(code);
        page.locator("#nameEn").fill("Dermatology");
        page.locator("#prefix").fill("");
        page.locator("main button[type=submit]").click();
        assertThat(page.locator("#nameHi-error")).hasText("Required.");
        assertThat(page.locator("#prefix-error")).hasText("Required.");
        assertThat(page.locator("#code")).hasValue(code); // what was typed is kept

        page.locator("#nameHi").fill("त्वचा रोग");
        page.locator("#prefix").fill(code);
        page.locator("#roomHint").fill("Room 14, second floor");
        page.locator("main button[type=submit]").click();
        assertThat(page.getByTestId("saved")).hasText("Saved " + code + ".");
        Screens.keep(page, "admin-services");

        page.navigate(base.resolve("/kiosk/").toString());
        touchTheStartScreen();
        assertThat(page.locator("[data-service=" + code + "]")).containsText("Dermatology");
        assertThat(page.locator("[data-service=" + code + "]")).containsText("त्वचा रोग");
    }

    @Test
    void anAdminGivesADepartmentItsHindiRoomPictureAndPlaceAndTheHindiKioskShowsThem() {
        String code = "HIN" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36).toUpperCase();
        logIn("admin", "admin123", "/admin/services/new");
        assertThat(org.opdqueue.support.Axe.seriousOrCritical(page)).as("axe on the service form").isEmpty();
        page.locator("#code").fill(code);
        page.locator("#nameEn").fill("Eye");
        page.locator("#nameHi").fill("नेत्र रोग");
        page.locator("#prefix").fill(code);
        page.locator("#roomHint").fill("Room 21, second floor");
        page.locator("#roomHintHi").fill("कमरा 21, दूसरी मंज़िल");
        page.locator("#order").fill("1");
        page.locator("#pictogram").selectOption("EYE");
        page.locator("main button[type=submit]").click();
        assertThat(page.getByTestId("saved")).hasText("Saved " + code + ".");
        assertThat(org.opdqueue.support.Axe.seriousOrCritical(page)).as("axe on the service list").isEmpty();

        page.navigate(base.resolve("/admin/counters/new").toString());
        assertThat(page.locator("#nameHi")).isVisible();
        assertThat(org.opdqueue.support.Axe.seriousOrCritical(page)).as("axe on the counter form").isEmpty();
        page.navigate(base.resolve("/admin").toString());
        assertThat(org.opdqueue.support.Axe.seriousOrCritical(page)).as("axe on the dashboard").isEmpty();

        page.navigate(base.resolve("/kiosk/?lang=hi").toString());
        touchTheStartScreen();
        Locator tile = page.locator("[data-service=" + code + "]");
        assertThat(tile.locator(".tile-room")).hasText("कमरा 21, दूसरी मंज़िल");
        assertThat(tile.locator(".pictogram")).hasAttribute("data-pictogram", "EYE");
    }

    @Test
    void aCounterUserIsRefusedFromAdminPages() {
        logIn("counter1", "counter123", "/console");
        Response answer = page.navigate(base.resolve("/admin/staff").toString());
        assertThat(answer.status()).isEqualTo(403);
        assertThat(page.getByTestId("forbidden")).containsText("for administrators");
        assertThat(page.locator("a[href='/admin']")).hasCount(0);
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused() {
        logIn("admin", "admin123", "/admin/devices/new");
        page.locator("input[name=csrf-token]").evaluate("input => input.remove()");
        page.locator("#code").fill("FORGED1");
        page.locator("#name").fill("Forged kiosk");
        Response answer = page.waitForResponse(r -> r.request().method().equals("POST"),
                () -> page.locator("main button[type=submit]").click());
        assertThat(answer.status()).isEqualTo(400);
        assertThat(page.getByTestId("form-expired")).containsText("Nothing was saved");

        page.navigate(base.resolve("/admin/devices").toString());
        assertThat(page.getByTestId("devices")).not().containsText("FORGED1");
        assertThat(page.getByTestId("devices")).containsText("KIOSK1");
    }

    private void logIn(String user, String password, String path) {
        page.navigate(base.resolve(path).toString());
        Browser.logIn(page, user, password);
        page.waitForURL(base.resolve(path).toString());
    }

    /**
     * Touches the kiosk's start screen once its catalogue has come (its hospital name shows): the screen is drawn again
     * when it comes, and a touch pressed on the old button and released on the new one does nothing.
     */
    private void touchTheStartScreen() {
        assertThat(page.locator(".start-hospital")).hasText(java.util.regex.Pattern.compile("[A-Za-z]"));
        page.locator(".start-touch").click();
    }
}
