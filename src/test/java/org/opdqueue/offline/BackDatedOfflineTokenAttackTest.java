package org.opdqueue.offline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.opdqueue.support.Api;
import org.opdqueue.support.MutableClock;
import org.opdqueue.support.TestHospital;

/**
 * Issue 12, item 9: with a kiosk's key, a token could be synced back-dated to the moment the kiosk's numbers were
 * reserved (often the start of the day), ahead of everyone who took a token since.
 */
@QuarkusTest
class BackDatedOfflineTokenAttackTest {

    @Inject
    TestHospital hospital;

    @Inject
    MutableClock clock;

    String service;
    String kiosk;
    String key;
    String series;

    @BeforeEach
    void kioskReservedThreeHoursAgo() {
        service = hospital.service();
        kiosk = hospital.kiosk();
        JsonPath enrolled = Api.enrol(kiosk);
        key = enrolled.getString("key");
        series = enrolled.getString("series");
        clock.advance(Duration.ofHours(-3));
        reserve();
        clock.reset();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aTokenBackDatedToTheReserveQueuesNoEarlierThanTheKioskWasLastOnline() {
        String earlier = Api.issue(service).getString("number");
        clock.advance(Duration.ofMinutes(2));
        reserve(); // the kiosk is online now, two minutes after that token
        Instant grantedAboutThen = Instant.now().minus(Duration.ofHours(3)).plusSeconds(60);

        assertThat(sync(item(1, grantedAboutThen)).getString("results[0].result")).isEqualTo("created");

        assertThat(waiting()).containsExactly(earlier, service + "-" + series + "001");
    }

    @Test
    void tokensIssuedInTheDarkAfterTheKioskWasLastOnlineStillQueueByTheirTime() {
        clock.advance(Duration.ofMinutes(-40));
        reserve(); // online forty minutes ago, then the server was lost
        clock.reset();
        String later = Api.issue(service).getString("number");

        assertThat(sync(item(2, Instant.now().minus(Duration.ofMinutes(30)))).getString("results[0].result"))
                .isEqualTo("created");

        assertThat(waiting()).containsExactly(service + "-" + series + "002", later);
    }

    private void reserve() {
        given().header("Authorization", "Device " + key).contentType(ContentType.JSON)
                .body(Map.of("serviceCode", service, "count", 5)).post("/api/devices/" + kiosk + "/reserve").then()
                .statusCode(200);
    }

    private JsonPath sync(Map<String, Object> item) {
        return given().header("Authorization", "Device " + key).contentType(ContentType.JSON)
                .body(Map.of("sentAt", Instant.now().toString(), "tokens", List.of(item))).post("/api/sync/tokens").then()
                .statusCode(200).extract().jsonPath();
    }

    private Map<String, Object> item(int number, Instant issuedAt) {
        return Map.of("requestId", UUID.randomUUID().toString(), "serviceCode", service, "priority", "GENERAL",
                "offlineNumber", String.format("%s-%s%03d", service, series, number), "issuedAt", issuedAt.toString());
    }

    private List<String> waiting() {
        return Api.staff().get("/api/queues/" + service).then().statusCode(200).extract().path("waiting.number");
    }
}
