package org.opdqueue.staff;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.opdqueue.support.StaffAccounts;
import org.opdqueue.support.StaffSession;

/**
 * Issue 12, item 12: the CSRF token was an unsigned double-submit cookie (whoever can set a cookie for the server's
 * name, e.g. from a sibling host on the LAN, sends a matching pair), and the log-in form had none (a page on any site
 * could log a browser in as the attacker). Now the cookie holds the token's signature under the server's key.
 */
@QuarkusTest
class ForgedCsrfTokenTest {

    @Inject
    StaffAccounts accounts;

    @Test
    void theLogInFormIsRefusedWithoutTheTokenOfItsPage() {
        Response answer = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "admin").formParam("j_password", "admin123").post("/j_security_check");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.getCookie(StaffSession.CREDENTIAL_COOKIE)).isNull();
    }

    @Test
    void aMadeUpTokenAndCookiePairIsRefusedOnTheLogInForm() {
        String made = madeUpToken();
        Response answer = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .cookie("csrf-token", made).formParam("csrf-token", made)
                .formParam("j_username", "admin").formParam("j_password", "admin123").post("/j_security_check");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.getCookie(StaffSession.CREDENTIAL_COOKIE)).isNull();
    }

    @Test
    void aMadeUpTokenAndCookiePairIsRefusedOnAnAdminForm() {
        StaffSession admin = StaffSession.logIn("admin", "admin123");
        String made = madeUpToken();
        String name = "csrf" + made.substring(0, 6).toLowerCase().replaceAll("[^a-z0-9]", "x");
        admin.request().accept("text/html").contentType("application/x-www-form-urlencoded")
                .cookie("csrf-token", made).formParam("csrf-token", made)
                .formParam("username", name).formParam("fullName", "Planted").formParam("role", "ADMIN")
                .formParam("password", "planted-password-1").formParam("active", "on").post("/admin/staff/new")
                .then().statusCode(400);
        assertThat(exists(name)).isFalse();
    }

    @Test
    void thePagesOwnTokenWorks() {
        String user = accounts.create(Role.COUNTER);
        assertThat(StaffSession.logInAnswer(user, StaffAccounts.PASSWORD).statusCode()).isEqualTo(302);
    }

    private static String madeUpToken() {
        byte[] token = new byte[16];
        new SecureRandom().nextBytes(token);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    @Transactional
    boolean exists(String username) {
        return StaffUser.findByUsername("DEMO", username).isPresent();
    }
}
