package org.opdqueue.staff;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.opdqueue.support.SessionCookies;
import org.opdqueue.support.StaffAccounts;
import org.opdqueue.support.StaffSession;

/**
 * Issue 12, item 5: a copied log-in cookie (a shared counter PC, a stolen laptop) kept working after log-out and after
 * a password reset. Now the server ends it: log-out, a new password, a new role and a deactivation end every session
 * of that user, and no session outlives 12 hours.
 */
@QuarkusTest
class ReplayedSessionCookieTest {

    @Inject
    StaffAccounts accounts;

    @ConfigProperty(name = SessionKeys.SESSION_KEY)
    String sessionKey;

    @Test
    void aCopiedCookieWorksUntilLogOutAndIsRefusedAfterIt() {
        String user = accounts.create(Role.COUNTER);
        StaffSession session = StaffSession.logIn(user, StaffAccounts.PASSWORD);
        String copied = session.credential();
        works(copied);

        session.request().contentType("text/plain").post("/logout").then().statusCode(303);

        refused(copied);
    }

    @Test
    void aPasswordResetByAnAdminEndsTheSessionsOfTheOldPassword() {
        String user = accounts.create(Role.COUNTER);
        String copied = StaffSession.logIn(user, StaffAccounts.PASSWORD).credential();
        works(copied);

        StaffSession admin = StaffSession.logIn("admin", "admin123");
        long id = accounts.find(user).id;
        admin.open("/admin/staff/" + id);
        admin.form().formParam("password", "reset-by-admin-2026").post("/admin/staff/" + id + "/password").then()
                .statusCode(303);

        refused(copied);
    }

    @Test
    void aNewRoleOrADeactivationEndsTheOpenSessions() {
        String user = accounts.create(Role.ADMIN);
        String copied = StaffSession.logIn(user, StaffAccounts.PASSWORD).credential();
        works(copied);
        long id = accounts.find(user).id;

        StaffSession admin = StaffSession.logIn("admin", "admin123");
        admin.open("/admin/staff/" + id);
        admin.form().formParam("fullName", "Demoted").formParam("role", "COUNTER").formParam("active", "on")
                .post("/admin/staff/" + id).then().statusCode(303);
        refused(copied);

        String again = StaffSession.logIn(user, StaffAccounts.PASSWORD).credential();
        works(again);
        admin.open("/admin/staff/" + id);
        admin.form().formParam("fullName", "Gone").formParam("role", "COUNTER").post("/admin/staff/" + id).then()
                .statusCode(303);
        refused(again);
    }

    @Test
    void changingOnesOwnPasswordEndsTheOtherSessionsButKeepsThisOne() {
        String user = accounts.create(Role.COUNTER);
        String elsewhere = StaffSession.logIn(user, StaffAccounts.PASSWORD).credential();
        StaffSession here = StaffSession.logIn(user, StaffAccounts.PASSWORD);

        here.open("/account/password");
        here.form().formParam("currentPassword", StaffAccounts.PASSWORD).formParam("newPassword", "my-new-one-2026")
                .formParam("repeatPassword", "my-new-one-2026").post("/account/password").then().statusCode(303);

        refused(elsewhere);
        works(here.credential());
    }

    @Test
    void noSessionOutlivesTwelveHoursHoweverBusy() {
        String user = accounts.create(Role.COUNTER);
        int generation = accounts.find(user).sessionGeneration;
        Instant now = Instant.now();
        works(SessionCookies.forge(sessionKey, new SessionClaim(user, generation, now.minus(Duration.ofHours(11))).encode()));
        refused(SessionCookies.forge(sessionKey, new SessionClaim(user, generation, now.minus(Duration.ofHours(13))).encode()));
        refused(SessionCookies.forge(sessionKey, new SessionClaim(user, generation - 1, now).encode()));
    }

    private static void works(String cookie) {
        given().redirects().follow(false).cookie(StaffSession.CREDENTIAL_COOKIE, cookie).accept("text/html")
                .get("/console").then().statusCode(200);
    }

    /** Sent to log in again (a page), 401 (the API): as if the cookie had never been. */
    private static void refused(String cookie) {
        given().redirects().follow(false).cookie(StaffSession.CREDENTIAL_COOKIE, cookie).accept("text/html")
                .get("/console").then().statusCode(302).header("Location", containsString("/login"));
        given().redirects().follow(false).cookie(StaffSession.CREDENTIAL_COOKIE, cookie)
                .get("/api/offline-refusals?service=MED").then().statusCode(401)
                .body("type", equalTo("/problems/unauthenticated"));
    }
}
