package org.opdqueue.offline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.opdqueue.support.Api;
import org.opdqueue.support.TestHospital;

/**
 * Issue 12, item 13: an outbox item with an issue time a billion years away failed the whole batch with a 500, so
 * the good tokens beside it never merged. Now it is refused on its own, and the refused-slips list still reads.
 */
@QuarkusTest
class ExtremeIssueTimeSyncAttackTest {

    @Inject
    TestHospital hospital;

    String service;
    String key;
    String series;

    @BeforeEach
    void enrolKiosk() {
        service = hospital.service();
        String kiosk = hospital.kiosk();
        JsonPath enrolled = Api.enrol(kiosk);
        key = enrolled.getString("key");
        series = enrolled.getString("series");
        given().header("Authorization", "Device " + key).contentType(ContentType.JSON)
                .body(Map.of("serviceCode", service, "count", 10)).post("/api/devices/" + kiosk + "/reserve").then()
                .statusCode(200);
    }

    @Test
    void anIssueTimeABillionYearsAwayIsRefusedOnItsOwnAndTheRestOfTheBatchMerges() {
        JsonPath answer = sync(null, List.of(item(1, "+1000000000-01-01T00:00:00Z"), item(2, Instant.now().toString()),
                item(3, "-1000000000-01-01T00:00:00Z"), item(4, "1900-01-01T00:00:00Z")));

        assertThat(answer.getList("results.result")).containsExactly("rejected", "created", "rejected", "rejected");
        assertThat(answer.getString("results[0].reason")).contains("issuedAt");
        // the refused slips are listed for staff (the time shown is one the database can hold)
        List<String> refused = Api.staff().get("/api/offline-refusals").then().statusCode(200).extract()
                .path("number");
        assertThat(refused).contains(number(1), number(3), number(4));
    }

    @Test
    void aBatchSentAtABillionYearsAwayIsNoServerError() {
        JsonPath answer = sync("+1000000000-12-31T23:59:59Z", List.of(item(5, "-1000000000-01-01T00:00:00Z"),
                item(6, Instant.now().toString())));
        assertThat(answer.getList("results.result")).containsOnly("rejected");
    }

    @Test
    void anIssueTimeBeyondWhatJsonTimesCanSayIsAProblemNamingTheField() {
        given().header("Authorization", "Device " + key).contentType(ContentType.JSON)
                .body(Map.of("tokens", List.of(item(7, "+1000000001-01-01T00:00:00Z")))).post("/api/sync/tokens").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("tokens[0].issuedAt"));
    }

    private JsonPath sync(String sentAt, List<Map<String, Object>> tokens) {
        Map<String, Object> body = sentAt == null ? Map.of("tokens", tokens) : Map.of("sentAt", sentAt, "tokens", tokens);
        return given().header("Authorization", "Device " + key).contentType(ContentType.JSON).body(body)
                .post("/api/sync/tokens").then().statusCode(200).extract().jsonPath();
    }

    private Map<String, Object> item(int number, String issuedAt) {
        return Map.of("requestId", UUID.randomUUID().toString(), "serviceCode", service, "priority", "GENERAL",
                "offlineNumber", number(number), "issuedAt", issuedAt);
    }

    private String number(int number) {
        return String.format("%s-%s%03d", service, series, number);
    }
}
