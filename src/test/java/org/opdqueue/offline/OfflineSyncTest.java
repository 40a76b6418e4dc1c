package org.opdqueue.offline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import org.opdqueue.support.Api;
import org.opdqueue.support.TestHospital;

/** A kiosk's offline life on the server side: enrolment, reserved numbers, and merging its outbox exactly once. */
@QuarkusTest
class OfflineSyncTest {

    @Inject
    TestHospital hospital;

    String service;
    String kiosk;
    String key;
    String series;

    @BeforeEach
    void enrolKiosk() {
        service = hospital.service();
        kiosk = hospital.kiosk();
        JsonPath enrolled = Api.enrol(kiosk);
        key = enrolled.getString("key");
        series = enrolled.getString("series");
        assertThat(series).matches("[A-Z]{1,2}");
    }

    @Test
    void onlyAdminsEnrolKiosksAndOnlyEnrolledKiosksReserve() {
        Api.staff().contentType(ContentType.JSON).post("/api/devices/" + kiosk + "/credential").then().statusCode(403);
        reserve(5).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("serviceCode", service, "count", 5))
                .post("/api/devices/" + kiosk + "/reserve").then().statusCode(401)
                .body("type", equalTo("/problems/unauthenticated"));
        given().header("Authorization", "Device " + kiosk + ".wrong").contentType(ContentType.JSON)
                .body(Map.of("serviceCode", service, "count", 5)).post("/api/devices/" + kiosk + "/reserve").then()
                .statusCode(401);
        Api.as("admin", "admin123").delete("/api/devices/" + kiosk + "/credential").then().statusCode(204);
        reserve(5).then().statusCode(401);
    }

    @Test
    void reservedBlocksFollowEachOtherAndNeverMeetOnlineNumbers() {
        reserve(10).then().statusCode(200).body("from", equalTo(1)).body("to", equalTo(10))
                .body("series", equalTo(series));
        reserve(5).then().statusCode(200).body("from", equalTo(11)).body("to", equalTo(15));
        reserve(0).then().statusCode(400).body("errors[0].field", equalTo("count"));
        String online = Api.issue(service).getString("number");
        assertThat(online).isEqualTo(service + "-001");
        assertThat(merge(Instant.now(), List.of(item(3, Instant.now().minusSeconds(60)))).getString("results[0].number"))
                .isEqualTo(service + "-" + series + "003");
    }

    @Test
    void anOutboxMergesOnceInIssueOrderAndReplayingItChangesNothing() {
        reserve(30).then().statusCode(200);
        Instant start = Instant.now().minusSeconds(600);
        String before = Api.issue(service).getString("number");
        List<Map<String, Object>> outbox = new ArrayList<>();
        for (int n = 1; n <= 20; n++) {
            outbox.add(item(n, start.plusSeconds(n * 10L)));
        }
        JsonPath first = merge(Instant.now(), outbox);
        assertThat(first.getList("results.result")).hasSize(20).containsOnly("created");
        JsonPath again = merge(Instant.now(), outbox);
        assertThat(again.getList("results.result")).hasSize(20).containsOnly("duplicate");
        assertThat(again.getList("results.tokenId")).isEqualTo(first.getList("results.tokenId"));

        List<String> queue = given().get("/api/queues/" + service).then().extract().path("waiting.number");
        List<String> offline = queue.stream().filter(n -> n.contains("-" + series)).toList();
        assertThat(offline).hasSize(20).doesNotHaveDuplicates()
                .isEqualTo(outbox.stream().map(i -> (String) i.get("offlineNumber")).toList());
        // issued ten minutes ago, offline tokens come before the token issued online just now
        assertThat(queue.indexOf(before)).isEqualTo(20);
        // the kiosks' waiting count (kept by the journal) agrees with the queue's rows
        int counted = given().get("/api/queues/" + service).then().extract().path("waitingCount");
        int kept = given().get("/api/services").then().extract()
                .path("find { it.code == '" + service + "' }.waiting");
        assertThat(kept).isEqualTo(counted).isEqualTo(21);
        long id = first.getLong("results[0].tokenId");
        given().get("/api/tokens/" + id).then().body("channel", equalTo("OFFLINE_KIOSK")).body("degraded", equalTo(true));
        long counter = hospital.openCounter(service);
        assertThat(Api.callNextNumber(counter)).isEqualTo(service + "-" + series + "001");
    }

    @Test
    void numbersOfAnotherSeriesOrAlreadyUsedAreRefusedAndOneOutsideTheReserveOnRecordIsMarked() {
        reserve(2).then().statusCode(200);
        Map<String, Object> ok = item(1, Instant.now().minusSeconds(30));
        Map<String, Object> unreserved = item(3, Instant.now().minusSeconds(20));
        Map<String, Object> otherSeries = new java.util.HashMap<>(item(2, Instant.now().minusSeconds(10)));
        otherSeries.put("offlineNumber", service + "-" + (series.equals("Z") ? "Y" : "Z") + "002");
        JsonPath answer = merge(Instant.now(), List.of(ok, unreserved, otherSeries));
        // the kiosk's own series cannot collide: a number outside the blocks on record is merged, and marked
        assertThat(answer.getList("results.result")).containsExactly("created", "created", "rejected");
        assertThat(answer.getList("results.reservationUnknown")).containsExactly(null, true, null);
        assertThat(answer.getString("results[2].reason")).contains("is not in series " + series);
        Map<String, Object> sameNumberOtherRequest = item(1, Instant.now());
        assertThat(merge(Instant.now(), List.of(sameNumberOtherRequest)).getString("results[0].reason"))
                .contains("already merged");
    }

    @Test
    void aKioskClockFarBehindDoesNotJumpTheQueue() {
        String earlier = Api.issue(service).getString("number");
        reserve(5).then().statusCode(200);
        // the kiosk's clock runs two hours slow; it says when it sent the batch by that clock, so it is corrected
        Instant kioskNow = Instant.now().minus(Duration.ofHours(2));
        assertThat(merge(kioskNow, List.of(item(1, kioskNow))).getString("results[0].result")).isEqualTo("created");
        // an old kiosk that does not say when it sent: no token goes before the moment its number was reserved
        assertThat(merge(null, List.of(item(2, kioskNow))).getString("results[0].result")).isEqualTo("created");
        // nor after the moment it arrived, however far ahead the kiosk's clock
        String later = Api.issue(service).getString("number");
        assertThat(merge(null, List.of(item(3, Instant.now().plus(Duration.ofHours(5))))).getString("results[0].result"))
                .isEqualTo("created");
        List<String> queue = given().get("/api/queues/" + service).then().extract().path("waiting.number");
        assertThat(queue).containsExactly(earlier, service + "-" + series + "002", service + "-" + series + "001", later,
                service + "-" + series + "003");
    }

    @Test
    void badBatchesAreNamedProblems() {
        given().header("Authorization", "Device " + key).contentType(ContentType.JSON).body(Map.of())
                .post("/api/sync/tokens").then().statusCode(400).body("errors[0].field", equalTo("tokens"));
        given().header("Authorization", "Device " + key).contentType(ContentType.JSON)
                .body(Map.of("tokens", List.of(Map.of("serviceCode", service)))).post("/api/sync/tokens").then()
                .statusCode(400);
    }

    private Response reserve(int count) {
        return given().header("Authorization", "Device " + key).contentType(ContentType.JSON)
                .body(Map.of("serviceCode", service, "count", count)).post("/api/devices/" + kiosk + "/reserve");
    }

    private Map<String, Object> item(int number, Instant issuedAt) {
        return Map.of("requestId", UUID.randomUUID().toString(), "serviceCode", service, "priority", "GENERAL",
                "offlineNumber", String.format("%s-%s%03d", service, series, number), "issuedAt", issuedAt.toString());
    }

    private JsonPath merge(Instant sentAt, List<Map<String, Object>> tokens) {
        Map<String, Object> body = sentAt == null ? Map.of("tokens", tokens) : Map.of("sentAt", sentAt.toString(), "tokens", tokens);
        return given().header("Authorization", "Device " + key).contentType(ContentType.JSON).body(body)
                .post("/api/sync/tokens").then().statusCode(200).extract().jsonPath();
    }
}
