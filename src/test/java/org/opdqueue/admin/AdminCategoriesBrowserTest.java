package org.opdqueue.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.opdqueue.support.Browser;
import org.opdqueue.support.DeskBrowserTest;
import org.opdqueue.support.Screens;
import org.opdqueue.support.TestHospital;

/** The categories page in real Chromium, and what the kiosk then offers. */
@QuarkusTest
class AdminCategoriesBrowserTest extends DeskBrowserTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    TestHospital hospital;

    @Test
    void aCategoryAnAdminAddsAppearsOnTheKioskWithItsPictureUntilItIsDeactivated() {
        String service = hospital.service();
        String code = "TRANSGENDER_" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36).toUpperCase();
        page.navigate(base.resolve("/admin/categories/new").toString());
        Browser.logIn(page, "admin", "admin123");
        page.waitForURL(base.resolve("/admin/categories/new").toString());

        page.locator("#code").fill(code + " !");
        page.locator("#nameEn").fill("Transgender person");
        page.locator("main button[type=submit]").click();
        assertThat(page.locator("#code-error")).hasText("Only letters A–Z, digits 0–9 and _, no spaces.");
        assertThat(page.locator("#nameHi-error")).hasText("Required.");
        assertThat(page.locator("#nameEn")).hasValue("Transgender person"); // what was typed is kept

        page.locator("#code").fill(code.toLowerCase());
        page.locator("#nameHi").fill("ट्रांसजेंडर व्यक्ति");
        page.locator("#lane-priority").check();
        page.locator("#order").fill("15");
        page.locator("#icon").selectOption(new SelectOption().setValue("DIVYANG"));
        page.locator("main button[type=submit]").click();
        assertThat(page.getByTestId("saved")).hasText("Saved " + code + ".");
        Locator row = page.locator("[data-testid=categories] tr[data-code=" + code + "]");
        assertThat(row).containsText("Transgender person");
        assertThat(row).containsText("DIVYANG");

        // the kiosk in a tab of the admin's own browser: its reads of the API share the admin's cookie jar and must not
        // replace the form-token cookie of the admin's form (they did, and the edit below was refused as expired)
        Page kiosk = page.context().newPage();
        Locator tile = kioskTile(kiosk, service, code);
        assertThat(tile).containsText("Transgender person");
        assertThat(tile).containsText("ट्रांसजेंडर व्यक्ति");
        assertThat(tile.locator("svg.icon")).hasCount(1);
        assertThat(tile).hasClass(java.util.regex.Pattern.compile("tile-priority"));
        // order 15: after GENERAL (10), before SENIOR_CITIZEN (20)
        assertThat(kiosk.locator(".tile-category").nth(1)).hasAttribute("data-category", code);

        row.locator("a", new Locator.LocatorOptions().setHasText("Edit")).click();
        page.locator("#icon").selectOption(new SelectOption().setValue("none"));
        page.locator("main button[type=submit]").click();
        assertThat(page.getByTestId("saved")).isVisible();
        Screens.keep(page, "admin-categories");
        tile = kioskTile(kiosk, service, code);
        assertThat(tile).containsText("Transgender person");
        assertThat(tile.locator("svg")).hasCount(0);

        page.locator("[data-testid=categories] tr[data-code=" + code + "] a").click();
        page.locator("#active").uncheck();
        page.locator("main button[type=submit]").click();
        assertThat(page.locator("[data-testid=categories] tr[data-code=" + code + "]")).containsText("inactive");
        kioskTile(kiosk, service, "GENERAL");
        assertThat(kiosk.locator("[data-category=" + code + "]")).hasCount(0);
        assertThat(kiosk.locator("[data-category=SENIOR_CITIZEN] svg.icon")).hasCount(1);
        kiosk.close();
    }

    /** Opens the kiosk afresh (it reads the categories when it starts) up to the category screen. */
    private Locator kioskTile(Page kiosk, String service, String category) {
        kiosk.navigate(base.resolve("/kiosk/").toString());
        kiosk.locator(".start-touch").click();
        kiosk.locator("[data-service=" + service + "]").click();
        Locator tile = kiosk.locator("[data-category=" + category + "]");
        assertThat(tile).isVisible();
        assertThat(kiosk.locator(".tile-category").count()).isPositive();
        return tile;
    }
}
