package org.opdqueue.admin;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.opdqueue.support.StaffSession;

/** The report pages' frames: who may open them, and which day they ask about. */
@QuarkusTest
class AdminReportsTest {

    @Test
    void aCounterUserIsRefusedTheReportPages() {
        StaffSession counter = StaffSession.logIn("counter1", "counter123");
        for (String path : new String[] { "/admin/reports", "/admin/reports/range", "/admin/reports/counters",
                "/admin/reports/day/print" }) {
            counter.request().accept("text/html").get(path).then().statusCode(403).body(containsString("for administrators"));
        }
    }

    @Test
    void eachPageNamesItsQuestionForItsScriptAndLinksTheCsvOfTheSameDay() {
        StaffSession admin = StaffSession.logIn("admin", "admin123");
        admin.open("/admin/reports?date=2026-03-02").then().statusCode(200)
                .body(containsString("data-report=\"day\" data-date=\"2026-03-02\""))
                .body(containsString("href=\"/api/reports/day.csv?date=2026-03-02\""))
                .body(containsString("<script type=\"module\" src=\"/pages/reports.js\"></script>"));
        admin.open("/admin/reports/range?to=2026-03-02").then().statusCode(200)
                .body(containsString("data-from=\"2026-01-06\" data-to=\"2026-03-02\"")); // eight weeks by default
        admin.open("/admin/reports/counters?date=2026-03-02").then().statusCode(200)
                .body(containsString("href=\"/api/reports/counters.csv?date=2026-03-02\""));
        admin.open("/admin/reports/day/print?date=2026-03-02").then().statusCode(200)
                .body(containsString("data-report=\"print\" data-date=\"2026-03-02\""));
        admin.open("/admin").then().body(containsString("href=\"/admin/reports\""));
    }

    @Test
    void aDateThatIsNoDateIsAProblemNamingTheField() {
        StaffSession admin = StaffSession.logIn("admin", "admin123");
        admin.request().get("/admin/reports?date=2-3-2026").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("date"));
        admin.request().get("/admin/reports/range?from=2026-03-03&to=2026-03-02").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
    }
}
