package org.opdqueue.display;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.path.json.JsonPath;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.opdqueue.embedded.EmbeddedMariaDb;
import org.opdqueue.support.Api;
import org.opdqueue.support.BoardClient;
import org.opdqueue.support.EmbeddedMariaDbResource;
import org.opdqueue.support.TestHospital;

/** A board that joins as the database goes away, or while it is away, still shows the calls relayed meanwhile. */
@QuarkusTest
class BoardWelcomeOutageTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    TestHospital hospital;

    @Test
    void aBoardWhoseWelcomeCouldNotCommitStillGetsTheCallsRelayedDuringTheOutage() {
        EmbeddedMariaDb db = database();
        String service = hospital.service();
        long counter = hospital.openCounter(service);
        long board = hospital.board(List.of(service), List.of(counter));
        String number = Api.issue(service).getString("number");
        staffSeenAt(counter);

        // the database goes away after the board's welcome was read, before its transaction commits
        AtomicBoolean stopped = new AtomicBoolean();
        BoardWelcomes.beforeCommit = () -> {
            if (stopped.compareAndSet(false, true)) {
                db.stop();
            }
        };
        try (BoardClient client = BoardClient.connect(base, board, null)) {
            JsonNode snapshot;
            try {
                snapshot = client.next(Duration.ofSeconds(15));
                assertThat(stopped).as("the database was stopped inside the welcome").isTrue();
                assertThat(snapshot.path("type").asText()).isEqualTo("snapshot");
                awaitMode("DEGRADED");

                callByNumber(counter, number);
                JsonNode called = next(client, "called");
                assertThat(called.path("number").asText()).isEqualTo(number);
                assertThat(called.path("counterId").asLong()).isEqualTo(counter);
            } finally {
                BoardWelcomes.beforeCommit = () -> {
                };
                db.restart();
            }
            awaitMode("NORMAL");
            // still on the feed: the next change reaches it, after the seq of its snapshot
            Api.issue(service);
            assertThat(next(client, "waiting").path("seq").asLong()).isGreaterThan(snapshot.path("seq").asLong());
        }
    }

    @Test
    void aBoardThatConnectsWithTheDatabaseAwayIsToldOfPaperModeGetsTheRelayedCallsAndItsSnapshotOnceItIsBack() {
        EmbeddedMariaDb db = database();
        String service = hospital.service();
        long counter = hospital.openCounter(service);
        long board = hospital.board(List.of(service), List.of(counter));
        String number = Api.issue(service).getString("number");
        staffSeenAt(counter);
        long seen;
        try (BoardClient before = BoardClient.connect(base, board, null)) {
            seen = before.next().path("seq").asLong(); // the hall TV was on before the outage
        }

        boolean back = false;
        db.stop();
        try {
            awaitMode("DEGRADED");
            try (BoardClient client = BoardClient.connect(base, board, seen)) {
                JsonNode first = client.next();
                assertThat(first.path("type").asText()).isEqualTo("mode");
                assertThat(first.path("mode").asText()).isEqualTo("DEGRADED");
                assertThat(first.has("seq")).as("not in the journal: it does not move the resume point").isFalse();

                callByNumber(counter, number);
                JsonNode called = next(client, "called");
                assertThat(called.path("number").asText()).isEqualTo(number);
                assertThat(called.has("seq")).isFalse();

                db.restart();
                back = true;
                awaitMode("NORMAL");
                JsonNode snapshot = next(client, "snapshot");
                assertThat(snapshot.path("mode").asText()).isEqualTo("NORMAL");
                assertThat(snapshot.path("seq").asLong()).isGreaterThan(seen);
                assertThat(snapshot.findValuesAsText("number")).as("the relayed call, now in the journal").contains(number);

                Api.issue(service);
                assertThat(next(client, "waiting").path("seq").asLong()).isGreaterThan(snapshot.path("seq").asLong());
                // the call it showed live is not sent again as an event (the board would announce it twice)
                assertThat(client.everything()).filteredOn(m -> m.contains("\"called\"")).hasSize(1);
            }
        } finally {
            if (!back) {
                db.restart();
            }
        }
    }

    @Test
    void aBoardResumingAcrossAnOutageIsNotSentTheCallsReplayedIntoTheJournalAgain() {
        EmbeddedMariaDb db = database();
        String service = hospital.service();
        long counter = hospital.openCounter(service);
        long board = hospital.board(List.of(service), List.of(counter));
        JsonPath token = Api.issue(service);
        String number = token.getString("number");
        staffSeenAt(counter);
        long seen;
        try (BoardClient before = BoardClient.connect(base, board, null)) {
            seen = before.next().path("seq").asLong();
        }

        boolean back = false;
        db.stop();
        try {
            awaitMode("DEGRADED");
            callByNumber(counter, number); // the hall TV showed and announced it live, then lost its connection
            db.restart();
            back = true;
        } finally {
            if (!back) {
                db.restart();
            }
        }
        awaitMode("NORMAL");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> Api.staff().get("/api/tokens/" + Api.id(token))
                .then().body("status", org.hamcrest.Matchers.equalTo("CALLED"))); // the outage is in the journal

        try (BoardClient client = BoardClient.connect(base, board, seen)) {
            JsonNode first = client.next();
            Api.issue(service);
            next(client, "waiting");
            assertThat(client.everything()).as("the replayed call is not announced a second time")
                    .noneMatch(m -> m.contains("\"called\""));
            assertThat(first.path("type").asText()).as("its board is brought up to date all the same").isEqualTo("snapshot");
            assertThat(first.findValuesAsText("number")).contains(number);
        }
    }

    private static EmbeddedMariaDb database() {
        EmbeddedMariaDb db = EmbeddedMariaDbResource.database();
        Assumptions.assumeTrue(db != null, "needs the embedded database, which the test can stop");
        return db;
    }

    /** The counter's staff member is known to the server before the outage, to keep calling by number. */
    private static void staffSeenAt(long counter) {
        Api.staff().contentType("application/json").body(Map.of("state", "OPEN")).put("/api/counters/" + counter + "/state")
                .then().statusCode(200);
    }

    private static void callByNumber(long counter, String number) {
        Api.post("/api/counters/" + counter + "/call", Map.of("number", number)).then().statusCode(202)
                .body("relayed", org.hamcrest.Matchers.equalTo(true));
    }

    private static void awaitMode(String mode) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().get("/api/status").then()
                .body("mode", org.hamcrest.Matchers.equalTo(mode)));
    }

    /** The next message of the type, skipping others (mode changes); fails after 15 s without one. */
    private static JsonNode next(BoardClient client, String type) {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        for (JsonNode m; (m = client.poll(Duration.ofNanos(Math.max(1, end - System.nanoTime())))) != null;) {
            if (type.equals(m.path("type").asText())) {
                return m;
            }
        }
        throw new AssertionError("no '" + type + "' message within 15 s; the board got " + client.everything());
    }
}
