package org.opdqueue.token;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.opdqueue.support.Api;
import org.opdqueue.support.TestHospital;

/**
 * Issue 12, item 8: walking {@code GET /api/tokens/{id}} through sequential ids gave anyone every token's status-page
 * code (so its page) and its priority category, which for PREGNANT or DIVYANG says something about the patient's health.
 */
@QuarkusTest
class TokenEnumerationAttackTest {

    @Inject
    TestHospital hospital;

    @Test
    void anAnonymousCallerWalkingTheIdsGetsNoCodeAndNoCategory() {
        String service = hospital.service();
        long first = Api.id(Api.issue(service, "PREGNANT"));
        long last = Api.id(Api.issue(service, "DIVYANG"));

        for (long id = first; id <= last; id++) {
            Map<String, Object> token = given().get("/api/tokens/" + id).then().statusCode(200).extract().jsonPath()
                    .getMap("");
            assertThat(token).as("token %d", id).doesNotContainKeys("code", "priority").containsKeys("number", "status");
        }
    }

    @Test
    void anAnonymousReaderOfTheQueueSeesTheOrderButNoCategory() {
        String service = hospital.service();
        Api.issue(service, "PREGNANT");
        Map<String, Object> waiting = given().get("/api/queues/" + service).then().statusCode(200).extract().jsonPath()
                .getMap("waiting[0]");
        assertThat(waiting).doesNotContainKeys("priority", "priorityLane").containsKeys("number", "position");
        Api.staff().get("/api/queues/" + service).then().statusCode(200).body("waiting[0].priority", equalTo("PREGNANT"))
                .body("waiting[0].priorityLane", equalTo(true));
    }

    @Test
    void staffStillSeeEverything() {
        String service = hospital.service();
        JsonPath issued = Api.issue(service, "PREGNANT");
        Api.staff().get("/api/tokens/" + Api.id(issued)).then().statusCode(200)
                .body("priority", equalTo("PREGNANT")).body("code", equalTo(issued.getString("code")));
    }

    @Test
    void theIssuerStillGetsTheCodeForTheSlip() {
        JsonPath issued = Api.issue(hospital.service(), "GENERAL");
        assertThat(issued.getString("code")).isNotBlank();
        given().get("/t/" + issued.getString("code") + "/state").then().statusCode(200)
                .body("number", equalTo(issued.getString("number"))).body("priority", nullValue());
    }
}
