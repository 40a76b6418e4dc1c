package org.opdqueue.paper;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.opdqueue.support.StaffSession;
import org.opdqueue.support.TestHospital;

/** The admin's paper book pages: reserve by form, see the reconciliation, void a spoiled slip. */
@QuarkusTest
class PaperBooksPagesTest {

    @Inject
    TestHospital hospital;

    @Test
    void anAdminReservesABookByFormAndReconcilesItAfterTheOutage() {
        String service = hospital.service();
        StaffSession admin = StaffSession.logIn("admin", "admin123");
        assertThat(admin.open("/admin").asString()).contains("href=\"/admin/paper-books\"");
        admin.open("/admin/paper-books").then().statusCode(200).body(containsString("Reserve a new book"));
        String location = admin.form().formParam("serviceCode", service).formParam("slips", "30").post("/admin/paper-books")
                .then().statusCode(303).extract().header("Location");
        Matcher id = Pattern.compile("/admin/paper-books/(\\d+)").matcher(location);
        assertThat(id.find()).isTrue();
        String book = "/admin/paper-books/" + id.group(1);

        PaperApi.enter("registrar", service + "-P0002", Instant.now()).then().statusCode(201);
        PaperApi.enter("admin", service + "-P0003", Instant.now()).then().statusCode(201);
        admin.open(book);
        admin.form().formParam("number", "7").formParam("reason", "torn").post(book + "/void").then().statusCode(303);
        admin.form().formParam("number", "31").post(book + "/void").then().statusCode(400)
                .body(containsString("Give a number of this book, " + service + "-P0001 to " + service + "-P0030."));
        admin.form().formParam("number", "3").post(book + "/void").then().statusCode(400)
                .body(containsString(service + "-P0003 was already entered by admin at "));

        String report = admin.open(book).then().statusCode(200).extract().asString();
        assertThat(report).contains("data-testid=\"range\">" + service + "-P0001 – " + service + "-P0030<",
                "data-testid=\"entered\">2<", "data-testid=\"voided\">1<", "data-testid=\"unused\">27<",
                "<td>admin</td><td>1</td>", "<td>registrar</td><td>1</td>",
                service + "-P0001, " + service + "-P0004–" + service + "-P0006, " + service + "-P0008–" + service + "-P0030",
                "<td>" + service + "-P0007</td><td>admin</td>", "torn");
        assertThat(admin.open("/admin/paper-books").asString()).contains("data-book=\"" + id.group(1) + "\"");
    }

    @Test
    void badOrdersGetAMessageNextToTheFieldAndReserveNothing() {
        StaffSession admin = StaffSession.logIn("admin", "admin123");
        admin.open("/admin/paper-books");
        String page = admin.form().formParam("serviceCode", "").formParam("slips", "5000").post("/admin/paper-books")
                .then().statusCode(400).extract().asString();
        assertThat(page).contains("No book was reserved", "Required.", "Must be between 1 and 1000.");
        admin.form().formParam("serviceCode", "NOSUCH").formParam("slips", "10").post("/admin/paper-books")
                .then().statusCode(400).body(containsString("No active service has the code"));
    }

    @Test
    void onlyAdminsManageBooksAndOnlyRegistrarsAndAdminsEnterSlips() {
        given().redirects().follow(false).get("/paper/entry").then().statusCode(302).header("Location", containsString("/login"));
        StaffSession counter = StaffSession.logIn("counter1", "counter123");
        counter.request().accept("text/html").get("/admin/paper-books").then().statusCode(403);
        counter.request().accept("text/html").get("/paper/entry").then().statusCode(403);
        StaffSession registrar = StaffSession.logIn("registrar", "registrar123");
        registrar.request().accept("text/html").get("/admin/paper-books").then().statusCode(403);
        registrar.request().accept("text/html").get("/paper/entry").then().statusCode(200)
                .body(containsString("id=\"number\""));
    }
}
