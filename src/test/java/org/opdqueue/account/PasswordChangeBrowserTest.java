package org.opdqueue.account;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.URI;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.opdqueue.support.Browser;
import org.opdqueue.support.DeskBrowserTest;
import org.opdqueue.support.Screens;
import org.opdqueue.support.StaffSession;

/** The forced password change in real Chromium: log in, change it, carry on where one was going. */
@QuarkusTest
class PasswordChangeBrowserTest extends DeskBrowserTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void anAdminWhosePasswordWasResetChangesItAtLogInAndThenReachesTheAdminPages() {
        String user = "reset" + ThreadLocalRandom.current().nextInt(1_000_000);
        adminMakesAccountWithResetPassword(user, "temporary-pass");

        page.navigate(base.resolve("/admin/staff").toString());
        Browser.logIn(page, user, "temporary-pass");
        page.waitForURL(base.resolve("/account/password").toString());
        assertThat(page.getByTestId("password-required")).isVisible();
        assertThat(page.getByTestId("who")).hasText(user); // no role until the password is one's own

        page.locator("#currentPassword").fill("temporary-pass");
        page.locator("#newPassword").fill("a-new-start-2026");
        page.locator("#repeatPassword").fill("a-new-start-2062");
        page.locator("main button[type=submit]").click();
        assertThat(page.locator("#repeatPassword-error")).hasText("Does not match the new password.");
        assertThat(page.locator("#repeatPassword")).hasAttribute("aria-invalid", "true");
        Screens.keep(page, "password-change");

        page.navigate(base.resolve("/admin/staff").toString()); // still sent back
        page.waitForURL(base.resolve("/account/password").toString());

        page.locator("#currentPassword").fill("temporary-pass");
        page.locator("#newPassword").fill("a-new-start-2026");
        page.locator("#repeatPassword").fill("a-new-start-2026");
        page.locator("main button[type=submit]").click();
        page.waitForURL(base.resolve("/admin").toString());
        assertThat(page.getByTestId("mode")).hasText("NORMAL");
        page.navigate(base.resolve("/admin/staff").toString());
        assertThat(page.locator("tr[data-username=" + user + "]")).not().containsText("must change password");
    }

    private static void adminMakesAccountWithResetPassword(String user, String password) {
        StaffSession admin = StaffSession.logIn("admin", "admin123");
        admin.open("/admin/staff/new");
        admin.form().formParam("username", user).formParam("fullName", "Reset " + user).formParam("role", "ADMIN")
                .formParam("password", "first-pass-1").formParam("active", "on").post("/admin/staff/new")
                .then().statusCode(303);
        Matcher m = Pattern.compile("data-username=\"" + user + "\">.*?href=\"/admin/staff/(\\d+)\"", Pattern.DOTALL)
                .matcher(admin.open("/admin/staff").asString());
        if (!m.find()) {
            throw new AssertionError("no row for " + user);
        }
        admin.open("/admin/staff/" + m.group(1));
        admin.form().formParam("password", password).post("/admin/staff/" + m.group(1) + "/password").then().statusCode(303);
    }
}
