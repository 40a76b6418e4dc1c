package org.opdqueue.outage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.opdqueue.embedded.EmbeddedMariaDb;
import org.opdqueue.support.Api;
import org.opdqueue.support.BoardClient;
import org.opdqueue.support.EmbeddedMariaDbResource;
import org.opdqueue.support.Parallel;
import org.opdqueue.support.TestHospital;

/** Fault injection: the database is stopped in the middle of a burst of issues, then started again. */
@QuarkusTest
class DatabaseOutageTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    TestHospital hospital;

    @Test
    void aBurstSurvivesTheDatabaseGoingAwayAndNothingAcknowledgedIsLost() throws Exception {
        EmbeddedMariaDb db = EmbeddedMariaDbResource.database();
        Assumptions.assumeTrue(db != null, "needs the embedded database, which the test can stop");
        String service = hospital.service();
        long counter = hospital.openCounter(service);
        hospital.nameCounter(counter, "Cabin 7", "कमरा 7");
        long board = hospital.board(List.of(service), List.of(counter));
        String waitingNumber = Api.issue(service).getString("number");
        // the counter's staff member logs in before the outage (the server remembers who, to keep calling by number)
        Api.staff().contentType("application/json").body(Map.of("state", "OPEN")).put("/api/counters/" + counter + "/state")
                .then().statusCode(200);

        try (BoardClient client = BoardClient.connect(base, board, null)) {
            client.next();
            CompletableFuture<List<Response>> burst = CompletableFuture.supplyAsync(() -> {
                try {
                    return Parallel.all(200, i -> Api.post("/api/tokens", Api.issueBody(service, "GENERAL")));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // stop the database mid-burst: once some tokens are in, well before all 200 are
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() ->
                    given().get("/api/queues/" + service).then().extract().jsonPath().getInt("waitingCount") >= 20);
            db.stop();
            List<Response> answers = burst.get();
            try {
                assertThat(answers).extracting(Response::statusCode).containsOnly(201, 503);
                // a 503 says the database is gone, or (for requests that queued for a connection as it went) busy, or (for
                // one whose commit was under way as it went) that it may or may not be saved; each says to retry the same id
                assertThat(answers).filteredOn(r -> r.statusCode() == 503)
                        .extracting(r -> r.jsonPath().getString("type"))
                        .contains("/problems/degraded")
                        .isSubsetOf("/problems/degraded", "/problems/overloaded", "/problems/outcome-unknown");
                assertThat(answers).filteredOn(r -> r.statusCode() == 503)
                        .allSatisfy(r -> assertThat(r.jsonPath().getString("detail")).contains("same requestId"));
                assertThat(answers).allSatisfy(r -> assertThat(r.time()).isLessThan(10_000));

                await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().get("/api/status").then()
                        .body("mode", org.hamcrest.Matchers.equalTo("DEGRADED")));
                Response fast = Api.post("/api/tokens", Api.issueBody(service, "GENERAL"));
                assertThat(fast.statusCode()).isEqualTo(503);
                assertThat(fast.time()).isLessThan(2_000);
                given().get("/q/health/ready").then().statusCode(200)
                        .body("checks.find { it.name == 'database' }.data.mode", org.hamcrest.Matchers.equalTo("DEGRADED"));

                Api.post("/api/counters/" + counter + "/call", Map.of("number", waitingNumber)).then().statusCode(202)
                        .body("relayed", org.hamcrest.Matchers.equalTo(true));
            } finally {
                db.restart();
            }
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().get("/api/status").then()
                    .body("mode", org.hamcrest.Matchers.equalTo("NORMAL")));

            List<String> acknowledged = answers.stream().filter(r -> r.statusCode() == 201)
                    .map(r -> r.jsonPath().getString("number")).toList();
            assertThat(acknowledged).isNotEmpty().doesNotHaveDuplicates();
            List<String> queued = given().get("/api/queues/" + service + "?limit=1000").then().statusCode(200).extract().path("waiting.number");
            assertThat(queued).doesNotHaveDuplicates().containsAll(acknowledged);
            given().get("/api/tokens/" + idOf(service, waitingNumber)).then()
                    .body("status", org.hamcrest.Matchers.equalTo("CALLED"))
                    .body("counter.id", org.hamcrest.Matchers.equalTo((int) counter));

            List<String> modes = new ArrayList<>();
            List<JsonNode> calls = new ArrayList<>();
            for (JsonNode m; (m = client.poll(Duration.ofSeconds(2))) != null;) {
                if ("mode".equals(m.path("type").asText())) {
                    modes.add(m.path("mode").asText());
                }
                if ("called".equals(m.path("type").asText()) && waitingNumber.equals(m.path("number").asText())) {
                    calls.add(m);
                }
            }
            assertThat(modes).containsSubsequence("DEGRADED", "NORMAL");
            assertThat(calls).as("the call made by number during the outage reached the board").isNotEmpty();
            // relayed from memory while the database was away, or replayed from the journal: the room in both languages
            assertThat(calls).allSatisfy(call -> assertThat(call.path("counterNameHi").asText()).isEqualTo("कमरा 7"));
        }
    }

    private static long idOf(String service, String number) {
        return Long.parseLong(given().get("/api/queues/" + service).then().extract().jsonPath()
                .getString("atCounters.find { it.number == '" + number + "' }.id"));
    }
}
