package org.opdqueue.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.opdqueue.support.StaffSession;

@QuarkusTest
class AdminPagesTest {

    @Test
    void anonymousVisitorsAreSentToTheLogInPage() {
        given().redirects().follow(false).get("/admin/services").then().statusCode(302)
                .header("Location", containsString("/login"));
        given().get("/login").then().statusCode(200).body(containsString("j_security_check"));
        StaffSession.logInAnswer("admin", "wrong").then().statusCode(302).header("Location", containsString("/login?error=true"));
        given().get("/login?error=true").then().body(containsString("Wrong user name or password"));
    }

    @Test
    void logOutEndsTheSession() {
        StaffSession counter = StaffSession.logIn("counter1", "counter123");
        counter.request().contentType("text/plain").post("/logout").then().statusCode(303)
                .header("Location", containsString("/login"))
                .header("Set-Cookie", containsString("quarkus-credential=;"));
    }

    @Test
    void aCounterUserIsRefusedFromAdminPages() {
        StaffSession counter = StaffSession.logIn("counter1", "counter123");
        counter.request().accept("text/html").get("/admin").then().statusCode(403)
                .contentType(containsString("text/html")).body(containsString("for administrators"));
        counter.request().get("/admin/staff").then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("/problems/forbidden"));
        counter.request().accept("text/html").get("/console").then().statusCode(200);
    }

    @Test
    void theDashboardShowsTheModeAndTodaysCounts() {
        StaffSession admin = StaffSession.logIn("admin", "admin123");
        admin.open("/admin").then().statusCode(200).body(containsString("data-testid=\"mode\">NORMAL"))
                .body(containsString("total-MED"));
    }

    @Test
    void badInputGetsAMessageNextToEachFieldAndSavesNothing() {
        StaffSession admin = StaffSession.logIn("admin", "admin123");
        admin.open("/admin/services/new").then().statusCode(200);
        String page = admin.form().formParam("code", "bad code").formParam("nameEn", "")
                .formParam("nameHi", "नया").formParam("prefix", "TOOLONG").formParam("opensAt", "9am")
                .formParam("closesAt", "07:00").formParam("interleave", "x").formParam("serviceMinutes", "0")
                .post("/admin/services/new").then().statusCode(400).extract().asString();
        assertThat(page).contains("Only letters A–Z and digits 0–9", "Required.", "At most 5 characters.",
                "Must be a time such as 08:00.", "Must be a whole number.", "Must be between 1 and 240.",
                "Nothing was saved", "value=\"नया\"");
        admin.open("/admin/services").then().body(not(containsString("BAD CODE")));
    }

    @Test
    void aTakenCodeIsReportedOnItsField() {
        StaffSession admin = StaffSession.logIn("admin", "admin123");
        admin.open("/admin/services/new");
        admin.form().formParam("code", "MED").formParam("nameEn", "Again").formParam("nameHi", "फिर")
                .formParam("prefix", "ZZQ").formParam("opensAt", "08:00").formParam("closesAt", "14:00")
                .formParam("interleave", "2").formParam("serviceMinutes", "5").post("/admin/services/new")
                .then().statusCode(400).body(containsString("Another service already has this code."));
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused() {
        StaffSession admin = StaffSession.logIn("admin", "admin123");
        admin.request().contentType("application/x-www-form-urlencoded").formParam("code", "NOCSRF")
                .formParam("name", "No CSRF kiosk").formParam("kind", "KIOSK").post("/admin/devices/new")
                .then().statusCode(400).body(containsString("This form has expired"));
        admin.open("/admin/devices").then().body(not(containsString("NOCSRF")));
    }

    @Test
    void anAdminCreatesAStaffMemberWhoCanThenLogIn() {
        StaffSession admin = StaffSession.logIn("admin", "admin123");
        admin.open("/admin/staff/new");
        admin.form().formParam("username", "nurse7").formParam("fullName", "Nurse Seven").formParam("role", "COUNTER")
                .formParam("password", "short").formParam("active", "on").post("/admin/staff/new")
                .then().statusCode(400).body(containsString("At least 8 characters."));
        admin.form().formParam("username", "nurse7").formParam("fullName", "Nurse Seven").formParam("role", "COUNTER")
                .formParam("password", "nurse7pass").formParam("active", "on").post("/admin/staff/new")
                .then().statusCode(303);
        StaffSession.logIn("nurse7", "nurse7pass").request().accept("text/html").get("/console").then().statusCode(200);
    }

    @Test
    void aDeactivatedAccountIsRefusedAtOnceAndAnAdminCannotLockThemselvesOut() {
        StaffSession admin = StaffSession.logIn("admin", "admin123");
        admin.open("/admin/staff/new");
        admin.form().formParam("username", "temp9").formParam("fullName", "Temporary").formParam("role", "COUNTER")
                .formParam("password", "temp9pass").formParam("active", "on").post("/admin/staff/new").then().statusCode(303);
        StaffSession temp = StaffSession.logIn("temp9", "temp9pass");
        temp.request().accept("text/html").get("/console").then().statusCode(200);

        String list = admin.open("/admin/staff").asString();
        admin.form().formParam("fullName", "Temporary").formParam("role", "COUNTER")
                .post("/admin/staff/" + idIn(list, "temp9")).then().statusCode(303); // "active" left unticked
        temp.request().accept("text/html").get("/console").then().statusCode(302)
                .header("Location", containsString("/login?error=true"));
        org.opdqueue.support.Api.as("temp9", "temp9pass").contentType("application/json")
                .post("/api/counters/1/call-next").then().statusCode(401);

        admin.form().formParam("fullName", "Hospital administrator").formParam("role", "COUNTER").formParam("active", "on")
                .post("/admin/staff/" + idIn(list, "admin")).then().statusCode(400)
                .body(containsString("You cannot take away your own admin role"));
    }

    private static String idIn(String staffList, String username) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("data-username=\"" + username + "\">.*?href=\"/admin/staff/(\\d+)\"", java.util.regex.Pattern.DOTALL)
                .matcher(staffList);
        assertThat(m.find()).as("row of " + username).isTrue();
        return m.group(1);
    }
}
