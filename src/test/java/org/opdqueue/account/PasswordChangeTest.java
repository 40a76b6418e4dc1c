package org.opdqueue.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;

import io.restassured.response.Response;

import io.quarkus.test.junit.QuarkusTest;

import org.opdqueue.journal.JournalEntry;
import org.opdqueue.journal.JournalEventType;
import org.opdqueue.staff.StaffUser;
import org.opdqueue.support.Api;
import org.opdqueue.support.StaffSession;
import org.opdqueue.support.TestHospital;

/** A password someone else chose is changed before anything else; any staff member may change theirs. */
@QuarkusTest
class PasswordChangeTest {

    private static final String SET_BY_ADMIN = "set-by-admin-1";
    private static final String OWN = "my-own-choice-2026";

    @Inject
    TestHospital hospital;

    @Test
    void aStaffMemberWhosePasswordAnAdminSetMustChangeItBeforeAnythingElse() {
        String user = newStaff("ADMIN");
        assertThat(mustChange(user)).isTrue();
        assertThat(setUpJournal(user)).containsExactly(
                "admin: password of " + user + " set by admin; to be changed at the next log-in");

        Response logIn = StaffSession.logInAnswer(user, SET_BY_ADMIN);
        String landing = logIn.getHeader("Location");
        StaffSession session = StaffSession.logIn(user, SET_BY_ADMIN);
        session.request().accept("text/html").get(java.net.URI.create(landing).getPath()).then().statusCode(303)
                .header("Location", endsWith("/account/password"));
        session.request().accept("text/html").get("/admin").then().statusCode(303)
                .header("Location", endsWith("/account/password"));
        session.request().accept("text/html").get("/admin/staff").then().statusCode(303)
                .header("Location", endsWith("/account/password"));
        session.request().accept("text/html").get("/paper/entry").then().statusCode(303)
                .header("Location", endsWith("/account/password"));
        session.request().get("/admin/staff").then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("/problems/password-change-required"));

        long counter = hospital.openCounter(hospital.service());
        Api.as(user, SET_BY_ADMIN).contentType("application/json").post("/api/counters/" + counter + "/call-next").then()
                .statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("/problems/password-change-required"))
                .body("detail", containsString("/account/password"));

        session.open("/account/password").then().statusCode(200).body(containsString("data-testid=\"password-required\""));
        session.form().formParam("currentPassword", SET_BY_ADMIN).formParam("newPassword", OWN)
                .formParam("repeatPassword", OWN).post("/account/password").then().statusCode(303)
                .header("Location", endsWith("/admin"));

        assertThat(mustChange(user)).isFalse();
        session.request().accept("text/html").get("/admin").then().statusCode(200);
        session.request().accept("text/html").get("/console").then().statusCode(200);
        Api.as(user, OWN).contentType("application/json").post("/api/counters/" + counter + "/call-next").then()
                .statusCode(204);
        Api.as(user, SET_BY_ADMIN).contentType("application/json").post("/api/counters/" + counter + "/call-next").then()
                .statusCode(401);
        assertThat(setUpJournal(user)).containsExactly(
                "admin: password of " + user + " set by admin; to be changed at the next log-in",
                user + ": staff " + user + " changed their password (required)");
    }

    @Test
    void aWrongCurrentPasswordAShortOneAndAMismatchAreShownOnTheirFields() {
        String user = newStaff("COUNTER");
        StaffSession session = StaffSession.logIn(user, SET_BY_ADMIN);
        session.open("/account/password");

        String page = session.form().formParam("currentPassword", "not-my-password").formParam("newPassword", "short")
                .formParam("repeatPassword", "shorter").post("/account/password").then().statusCode(400).extract().asString();
        assertThat(errorOf(page, "currentPassword")).isEqualTo("Wrong password.");
        assertThat(errorOf(page, "newPassword")).isEqualTo("At least 12 characters.");
        assertThat(errorOf(page, "repeatPassword")).isEqualTo("Does not match the new password.");
        assertThat(page).doesNotContain("not-my-password", "value=\"short");

        page = session.form().formParam("currentPassword", SET_BY_ADMIN).formParam("newPassword", SET_BY_ADMIN + "x")
                .formParam("repeatPassword", SET_BY_ADMIN + "y").post("/account/password").then().statusCode(400)
                .extract().asString();
        assertThat(errorOf(page, "currentPassword")).isEmpty();
        assertThat(errorOf(page, "newPassword")).isEmpty();
        assertThat(errorOf(page, "repeatPassword")).isEqualTo("Does not match the new password.");

        page = session.form().formParam("currentPassword", "long-but-wrong-1").formParam("newPassword", "long-but-wrong-1")
                .formParam("repeatPassword", "long-but-wrong-1").post("/account/password").then().statusCode(400)
                .extract().asString();
        assertThat(errorOf(page, "currentPassword")).isEqualTo("Wrong password.");
        assertThat(errorOf(page, "newPassword")).isEqualTo("Must differ from the current password.");

        assertThat(mustChange(user)).isTrue();
        session.request().accept("text/html").get("/console").then().statusCode(303);
    }

    @Test
    void anyStaffMemberMayChangeTheirPasswordAndLandsOnTheirUsualPage() {
        String user = newStaff("COUNTER");
        StaffSession first = StaffSession.logIn(user, SET_BY_ADMIN);
        first.open("/account/password");
        first.form().formParam("currentPassword", SET_BY_ADMIN).formParam("newPassword", OWN)
                .formParam("repeatPassword", OWN).post("/account/password").then().statusCode(303)
                .header("Location", endsWith("/console"));

        StaffSession session = StaffSession.logIn(user, OWN);
        session.open("/account/password").then().statusCode(200).body(not(containsString("password-required")));
        String next = OWN + "-again";
        session.form().formParam("currentPassword", OWN).formParam("newPassword", next).formParam("repeatPassword", next)
                .post("/account/password").then().statusCode(303).header("Location", endsWith("/console"));
        StaffSession.logIn(user, next).request().accept("text/html").get("/console").then().statusCode(200);
        assertThat(setUpJournal(user)).endsWith(user + ": staff " + user + " changed their password");
    }

    @Test
    void theAccountPageNeedsALogIn() {
        given().redirects().follow(false).accept("text/html").get("/account/password").then().statusCode(302)
                .header("Location", containsString("/login"));
    }

    /** A new staff member made by the admin, whose password the admin then reset: as after a forgotten password. */
    private String newStaff(String role) {
        String user = "chg" + ThreadLocalRandom.current().nextInt(1_000_000);
        StaffSession admin = StaffSession.logIn("admin", "admin123");
        admin.open("/admin/staff/new");
        admin.form().formParam("username", user).formParam("fullName", "Changing " + user).formParam("role", role)
                .formParam("password", "first-pass-1").formParam("active", "on").post("/admin/staff/new")
                .then().statusCode(303);
        String id = idIn(admin.open("/admin/staff").asString(), user);
        admin.open("/admin/staff/" + id);
        admin.form().formParam("password", SET_BY_ADMIN).post("/admin/staff/" + id + "/password").then().statusCode(303);
        admin.open("/admin/staff").then().body(containsString(user + "</strong> <span class=\"tag\">must change password"));
        return user;
    }

    @Transactional
    boolean mustChange(String user) {
        return StaffUser.findByUsername("DEMO", user).orElseThrow().mustChangePassword;
    }

    @Transactional
    List<String> setUpJournal(String user) {
        return JournalEntry.<JournalEntry>list("type = ?1 and detail like ?2 order by seq", JournalEventType.STAFF_PASSWORD_SET,
                "%" + user + " %").stream().map(e -> e.actor + ": " + e.detail).toList();
    }

    private static String idIn(String staffList, String username) {
        Matcher m = Pattern.compile("data-username=\"" + username + "\">.*?href=\"/admin/staff/(\\d+)\"", Pattern.DOTALL)
                .matcher(staffList);
        assertThat(m.find()).as("row of " + username).isTrue();
        return m.group(1);
    }

    private static String errorOf(String page, String field) {
        Matcher m = Pattern.compile("id=\"" + field + "-error\">([^<]*)<").matcher(page);
        assertThat(m.find()).as("error element of " + field).isTrue();
        return m.group(1);
    }
}
