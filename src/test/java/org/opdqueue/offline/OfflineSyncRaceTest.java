package org.opdqueue.offline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import org.opdqueue.support.Api;
import org.opdqueue.support.Parallel;
import org.opdqueue.support.TestHospital;

/**
 * A kiosk that sends its outbox again before the first answer came (a slow network) races itself: the merge that
 * loses hits a unique key and runs again, and finds the other's tokens. Only that failure is run again.
 */
@QuarkusTest
class OfflineSyncRaceTest {

    @Inject
    TestHospital hospital;

    @Test
    void theSameOutboxSentFourTimesAtOnceIsMergedOnce() throws Exception {
        String service = hospital.service();
        String kiosk = hospital.kiosk();
        JsonPath enrolled = Api.enrol(kiosk);
        String key = enrolled.getString("key");
        String series = enrolled.getString("series");
        given().header("Authorization", "Device " + key).contentType(ContentType.JSON)
                .body(Map.of("serviceCode", service, "count", 10)).post("/api/devices/" + kiosk + "/reserve").then()
                .statusCode(200);
        Instant start = Instant.now().minusSeconds(300);
        List<Map<String, Object>> outbox = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            outbox.add(Map.of("requestId", UUID.randomUUID().toString(), "serviceCode", service, "priority", "GENERAL",
                    "offlineNumber", String.format("%s-%s%03d", service, series, n),
                    "issuedAt", start.plusSeconds(n * 10L).toString()));
        }
        Map<String, Object> body = Map.of("sentAt", Instant.now().toString(), "tokens", outbox);

        List<Response> answers = Parallel.all(4, i -> given().header("Authorization", "Device " + key)
                .contentType(ContentType.JSON).body(body).post("/api/sync/tokens"));

        assertThat(answers).extracting(Response::statusCode).containsOnly(200);
        List<String> results = answers.stream().flatMap(r -> r.jsonPath().<String>getList("results.result").stream())
                .toList();
        assertThat(results).filteredOn("created"::equals).hasSize(5);
        assertThat(results).filteredOn("duplicate"::equals).hasSize(15);
        assertThat(answers).extracting(r -> r.jsonPath().getList("results.tokenId")).containsOnly(
                answers.get(0).jsonPath().getList("results.tokenId"));
        List<String> waiting = given().get("/api/queues/" + service).then().extract().path("waiting.number");
        assertThat(waiting).hasSize(5).doesNotHaveDuplicates();
    }
}
