package org.opdqueue.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import org.opdqueue.support.Api;
import org.opdqueue.support.MutableClock;
import org.opdqueue.support.Parallel;
import org.opdqueue.support.StaffSession;
import org.opdqueue.support.TestHospital;

/** Paper books through the API: reserving ranges, back-entering used slips exactly once, and reconciling a book. */
@QuarkusTest
class PaperEntryTest {

    @Inject
    TestHospital hospital;

    @Inject
    MutableClock clock;

    String service;

    final Map<String, StaffSession> sessions = new ConcurrentHashMap<>();

    @BeforeEach
    void newService() {
        service = hospital.service();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aBookOf100With60EnteredTwoTwiceAndOneOutOfRangeLeaves40Unused() {
        clock.advance(Duration.ofHours(-2)); // books are printed before the day they are needed
        JsonPath book = reserve(service, 100).then().statusCode(201).extract().jsonPath();
        clock.reset();
        assertThat(book.getString("from")).isEqualTo(service + "-P0001");
        assertThat(book.getString("to")).isEqualTo(service + "-P0100");
        Instant start = Instant.now().minusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.MICROS);

        int created = 0;
        List<String> entered = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String number = String.format("%s-P%04d", service, 1 + i * 100 / 60); // spread over the book
            entered.add(number);
            Response answer = enter("registrar", number, start.plusSeconds(i * 30L));
            answer.then().statusCode(201).body("number", equalTo(number)).body("channel", equalTo("PAPER"))
                    .body("status", equalTo("WAITING")).body("serviceCode", equalTo(service));
            created++;
        }
        assertThat(entered).doesNotHaveDuplicates();

        List<Response> duplicates = List.of(enter("admin", entered.get(3), start), enter("registrar", entered.get(40), start));
        for (Response duplicate : duplicates) {
            duplicate.then().statusCode(409).contentType("application/problem+json")
                    .body("type", equalTo("/problems/paper-duplicate")).body("errors[0].field", equalTo("number"))
                    .body("detail", containsString("already entered by registrar at "));
        }
        enter("registrar", service + "-P0101", start).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/paper-out-of-range")).body("errors[0].field", equalTo("number"))
                .body("detail", containsString(service + "-P0001–" + service + "-P0100"));

        assertThat(created).isEqualTo(60);
        JsonPath queue = Api.staff().get("/api/queues/" + service).then().statusCode(200).extract().jsonPath();
        assertThat(queue.getList("waiting.number")).hasSize(60).containsExactlyElementsOf(entered);

        JsonPath report = report(book.getLong("id"));
        assertThat(report.getLong("entered")).isEqualTo(60);
        assertThat(report.getLong("unused")).isEqualTo(40);
        assertThat(report.getList("unusedNumbers")).hasSize(40).doesNotContainAnyElementsOf(entered);
        assertThat(report.getList("enteredBy.staff")).containsExactly("registrar");
        assertThat(report.getList("enteredBy.slips", Long.class)).containsExactly(60L);
        assertThat(Instant.parse(report.getString("firstIssuedAt"))).isEqualTo(start);
        assertThat(Instant.parse(report.getString("lastIssuedAt"))).isEqualTo(start.plusSeconds(59 * 30L));
    }

    @Test
    void twoClerksEnteringTheSameSlipAtOnceGetOneTokenAndOneDuplicate() throws Exception {
        reserve(service, 20).then().statusCode(201);
        for (int slip = 1; slip <= 10; slip++) {
            String number = String.format("%s-P%04d", service, slip);
            List<Response> answers = Parallel.all(2, i -> enter(i == 0 ? "registrar" : "admin", number, Instant.now()));
            assertThat(answers).extracting(Response::statusCode).containsExactlyInAnyOrder(201, 409);
        }
        assertThat(Api.staff().get("/api/queues/" + service).then().extract().jsonPath().getList("waiting")).hasSize(10);
    }

    @Test
    void aRetriedRequestGetsItsOwnTokenBackNotADuplicate() {
        reserve(service, 5).then().statusCode(201);
        Map<String, Object> body = Map.of("requestId", UUID.randomUUID().toString(), "number", service + "-P0002",
                "issuedAt", Instant.now().toString());
        long id = Api.as("registrar", "registrar123").contentType(ContentType.JSON).body(body).post("/api/paper/entries")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        Api.as("registrar", "registrar123").contentType(ContentType.JSON).body(body).post("/api/paper/entries")
                .then().statusCode(200).body("id", equalTo((int) id));
    }

    @Test
    void booksOfOneServiceNeverOverlapEvenWhenReservedAtOnce() throws Exception {
        List<Response> answers = Parallel.all(8, i -> reserve(service, 50));
        List<int[]> ranges = new ArrayList<>();
        for (Response r : answers) {
            r.then().statusCode(201);
            ranges.add(new int[] { r.jsonPath().getInt("firstNumber"), r.jsonPath().getInt("lastNumber") });
        }
        ranges.sort((a, b) -> Integer.compare(a[0], b[0]));
        for (int i = 0; i < ranges.size(); i++) {
            assertThat(ranges.get(i)).containsExactly(1 + i * 50, 50 + i * 50);
        }
        String other = hospital.service();
        reserve(other, 10).then().statusCode(201).body("from", equalTo(other + "-P0001"));
    }

    @Test
    void anOnlineTokenAndAPaperSlipOfTheSameNumberAreDifferentTokens() {
        clock.advance(Duration.ofHours(-1));
        reserve(service, 5).then().statusCode(201);
        clock.reset();
        // the slip was handed out in an outage ten minutes ago
        hospital.outage(Instant.now().minusSeconds(900), Instant.now().minusSeconds(300), null, 0);
        assertThat(Api.issue(service).getString("number")).isEqualTo(service + "-001");
        enter("registrar", service + "-P0001", Instant.now().minusSeconds(600)).then().statusCode(201)
                .body("number", equalTo(service + "-P0001"));
        long counter = hospital.openCounter(service);
        assertThat(Api.callNextNumber(counter)).as("the paper patient came first").isEqualTo(service + "-P0001");
        assertThat(Api.staff().get("/api/queues/" + service).then().extract().jsonPath().getList("waiting.number"))
                .containsExactly(service + "-001");
    }

    @Test
    void aSpoiledSlipIsVoidedOnceAndCannotBeEnteredAfterwards() {
        long book = reserve(service, 10).then().statusCode(201).extract().jsonPath().getLong("id");
        Api.as("registrar", "registrar123").contentType(ContentType.JSON)
                .body(Map.of("number", service + "-P0004", "reason", "torn")).post("/api/paper/voids")
                .then().statusCode(201).body("by", equalTo("registrar")).body("number", equalTo(service + "-P0004"));
        enter("registrar", service + "-P0004", Instant.now()).then().statusCode(409)
                .body("detail", containsString("was voided by registrar at ")).body("detail", containsString("(torn)"));
        Api.staff().contentType(ContentType.JSON).body(Map.of("number", service + "-P0005")).post("/api/paper/voids")
                .then().statusCode(403);
        JsonPath report = report(book);
        assertThat(report.getList("voidedSlips.number")).containsExactly(service + "-P0004");
        assertThat(report.getList("voidedSlips.by")).containsExactly("registrar");
        assertThat(report.getLong("voided")).isEqualTo(1);
        assertThat(report.getLong("unused")).isEqualTo(9);
        assertThat(report.getList("unusedRanges")).containsExactly(service + "-P0001–" + service + "-P0003",
                service + "-P0005–" + service + "-P0010");
    }

    @Test
    void aSlipAlreadySeenOrFromAnEarlierDayIsRecordedAsCompleted() {
        reserve(service, 10).then().statusCode(201);
        Api.as("registrar", "registrar123").contentType(ContentType.JSON)
                .body(Map.of("number", service + "-P0001", "issuedAt", Instant.now().toString(), "seen", true))
                .post("/api/paper/entries").then().statusCode(201).body("status", equalTo("COMPLETED"));
        Instant yesterday = Instant.now();
        clock.advance(Duration.ofDays(1));
        enter("registrar", service + "-P0002", yesterday).then().statusCode(201).body("status", equalTo("COMPLETED"));
        enter("registrar", service + "-P0003", Instant.now().plus(Duration.ofDays(1))).then().statusCode(201)
                .body("status", equalTo("WAITING"));
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        reserve(service, 10).then().statusCode(201);
        badEntry(Map.of("issuedAt", Instant.now().toString()), "number", "is required");
        badEntry(Map.of("number", service + "-042", "issuedAt", Instant.now().toString()), "number", "is not a paper slip number");
        badEntry(Map.of("number", "ZZZZZ9-P0001", "issuedAt", Instant.now().toString()), "number", "no service has the token prefix");
        badEntry(Map.of("number", service + "-P0001"), "issuedAt", "is required");
        badEntry(Map.of("number", service + "-P0001", "issuedAt", "yesterday"), "issuedAt", "must be a valid Instant");
        badEntry(Map.of("number", service + "-P0001", "issuedAt", Instant.now().plus(Duration.ofHours(1)).toString()),
                "issuedAt", "must not be in the future");
        badEntry(Map.of("number", service + "-P0001", "issuedAt", Instant.now().minus(Duration.ofDays(3)).toString()),
                "issuedAt", "is before book");
        badEntry(Map.of("number", service + "-P0001", "issuedAt", Instant.now().toString(), "patient", Map.of("age", 300)),
                "patient.age", "must be between 0 and 120");
        enter("counter1", service + "-P0001", Instant.now()).then().statusCode(403);
        Api.as("admin", "admin123").contentType(ContentType.JSON).body(Map.of("serviceCode", service, "slips", 1001))
                .post("/api/paper/books").then().statusCode(400).body("errors[0].field", equalTo("slips"));
        Api.as("admin", "admin123").contentType(ContentType.JSON).body(Map.of("serviceCode", "NOSUCH", "slips", 10))
                .post("/api/paper/books").then().statusCode(400).body("errors[0].field", equalTo("serviceCode"));
        Api.as("registrar", "registrar123").contentType(ContentType.JSON).body(Map.of("serviceCode", service, "slips", 10))
                .post("/api/paper/books").then().statusCode(403);
        // nothing of the refused entries was kept: the slip is still free
        enter("registrar", service.toLowerCase() + "p1", Instant.now()).then().statusCode(201)
                .body("number", equalTo(service + "-P0001"));
    }

    private void badEntry(Map<String, Object> body, String field, String message) {
        Api.as("registrar", "registrar123").contentType(ContentType.JSON).body(body).post("/api/paper/entries").then()
                .statusCode(400).contentType("application/problem+json").body("type", equalTo("/problems/invalid-input"))
                .body("errors[0].field", equalTo(field)).body("errors[0].message", containsString(message));
    }

    private static Response reserve(String serviceCode, int slips) {
        return PaperApi.reserve(serviceCode, slips);
    }

    /** As a clerk's page does: with the log-in cookie (HTTP Basic would check the password hash on every call). */
    private Response enter(String user, String number, Instant issuedAt) {
        StaffSession session = sessions.computeIfAbsent(user, u -> StaffSession.logIn(u, PaperApi.password(u)));
        return session.request().contentType(ContentType.JSON)
                .body(Map.of("number", number, "issuedAt", issuedAt.toString())).post("/api/paper/entries");
    }

    private static JsonPath report(long book) {
        return Api.as("admin", "admin123").get("/api/paper/books/" + book).then().statusCode(200).extract().jsonPath();
    }
}
