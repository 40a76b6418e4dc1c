package org.opdqueue.token;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.opdqueue.support.Api;
import org.opdqueue.support.TestHospital;

@QuarkusTest
class TokenIssuingTest {

    @Inject
    TestHospital hospital;

    String service;

    @BeforeEach
    void freshService() {
        service = hospital.service();
        hospital.openCounter(service);
    }

    @Test
    void issuesNumberedTokensWithPlaceAndWait() {
        Api.post("/api/tokens", Api.issueBody(service, "GENERAL")).then()
                .statusCode(201)
                .header("Location", matchesPattern(".*/api/tokens/\\d+"))
                .body("number", equalTo(service + "-001"))
                .body("serviceCode", equalTo(service))
                .body("status", equalTo("WAITING"))
                .body("channel", equalTo("COUNTER"))
                .body("peopleAhead", equalTo(0))
                .body("code", matchesPattern("[A-Za-z0-9_-]{20}"));
        Api.post("/api/tokens", Api.issueBody(service, "GENERAL")).then()
                .statusCode(201)
                .body("number", equalTo(service + "-002"))
                .body("peopleAhead", equalTo(1))
                .body("estimatedWaitMinutes", equalTo(5));
    }

    @Test
    void acceptsFullPatientDetailsInAnyScriptButNeverEchoesThem() {
        Map<String, Object> body = new HashMap<>(Api.issueBody(service, "SENIOR_CITIZEN"));
        body.put("channel", "KIOSK");
        body.put("patient", Map.of("name", "रामेश्वर प्रसाद", "age", 67, "sex", "MALE", "mobile", "9876543210",
                "abha", "12-3456-7890-1234", "uhid", "AIIMS/2026/000123"));
        String json = Api.post("/api/tokens", body).then().statusCode(201)
                .body("priority", equalTo("SENIOR_CITIZEN"))
                .body("channel", equalTo("KIOSK"))
                .extract().asString();
        org.assertj.core.api.Assertions.assertThat(json)
                .doesNotContain("रामेश्वर", "9876543210", "12345678901234", "AIIMS/2026");
    }

    @Test
    void identicalReplayGivesTheSameTokenWith200() {
        Map<String, Object> body = Api.issueBody(service, "GENERAL");
        long id = Api.post("/api/tokens", body).then().statusCode(201).extract().jsonPath().getLong("id");
        Api.post("/api/tokens", body).then().statusCode(200)
                .body("id", equalTo((int) id))
                .body("number", equalTo(service + "-001"));
        org.assertj.core.api.Assertions.assertThat(Api.issue(service).getString("number")).isEqualTo(service + "-002");
    }

    @Test
    void reusedRequestIdWithDifferentBodyIs409Problem() {
        Map<String, Object> body = new HashMap<>(Api.issueBody(service, "GENERAL"));
        Api.post("/api/tokens", body).then().statusCode(201);
        body.put("priority", "PREGNANT");
        Api.post("/api/tokens", body).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/request-id-reused"))
                .body("status", equalTo(409))
                .body("detail", containsString(body.get("requestId").toString()));
    }

    @Test
    void unknownServiceIs404Problem() {
        Api.post("/api/tokens", Api.issueBody("NOPE", "GENERAL")).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"))
                .body("detail", containsString("NOPE"));
    }

    @Test
    void missingFieldsAreNamed() {
        given().contentType(ContentType.JSON).body(Map.of("priority", "GENERAL")).post("/api/tokens").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-input"))
                .body("errors.field", hasItems("requestId", "serviceCode"));
    }

    @Test
    void everyBadPatientFieldIsNamed() {
        Map<String, Object> body = new HashMap<>(Api.issueBody(service, "GENERAL"));
        body.put("patient", Map.of("name", "x".repeat(101), "age", 121, "mobile", "12345", "abha", "1234",
                "uhid", "bad uhid!"));
        Api.post("/api/tokens", body).then().statusCode(400)
                .body("errors.field", hasItems("patient.name", "patient.age", "patient.mobile", "patient.abha",
                        "patient.uhid"))
                .body("errors.find { it.field == 'patient.mobile' }.message", containsString("10-digit"))
                .body("errors.find { it.field == 'patient.abha' }.message", containsString("14-digit"));
    }

    @Test
    void negativeAgeIsRejected() {
        Map<String, Object> body = new HashMap<>(Api.issueBody(service, "GENERAL"));
        body.put("patient", Map.of("age", -1));
        Api.post("/api/tokens", body).then().statusCode(400).body("errors[0].field", equalTo("patient.age"));
    }

    @Test
    void wrongTypesAndValuesAreNamed() {
        Map<String, Object> body = new HashMap<>(Api.issueBody(service, "GENERAL"));
        body.put("channel", "PIGEON");
        Api.post("/api/tokens", body).then().statusCode(400)
                .body("errors[0].field", equalTo("channel"))
                .body("errors[0].message", containsString("KIOSK"));

        body = new HashMap<>(Api.issueBody(service, "GENERAL"));
        body.put("requestId", "not-a-uuid");
        Api.post("/api/tokens", body).then().statusCode(400).body("errors[0].field", equalTo("requestId"));

        body = new HashMap<>(Api.issueBody(service, "GENERAL"));
        body.put("patient", Map.of("sex", "X"));
        Api.post("/api/tokens", body).then().statusCode(400).body("errors[0].field", equalTo("patient.sex"));
    }

    @Test
    void unknownPriorityIsNamed() {
        Api.post("/api/tokens", Api.issueBody(service, "VIP")).then().statusCode(400)
                .body("errors[0].field", equalTo("priority"));
    }

    @Test
    void offlineChannelsAreNotTakenHere() {
        Map<String, Object> body = new HashMap<>(Api.issueBody(service, "GENERAL"));
        body.put("channel", "PAPER");
        Api.post("/api/tokens", body).then().statusCode(400).body("errors[0].field", equalTo("channel"));
    }

    @Test
    void malformedJsonIs400NotA500() {
        given().contentType(ContentType.JSON).body("{\"requestId\": ").post("/api/tokens").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", not(containsString("Exception")));
        given().contentType(ContentType.JSON).post("/api/tokens").then().statusCode(400);
    }

    @Test
    void getsOneTokenAndUnknownIs404() {
        long id = Api.id(Api.issue(service));
        given().get("/api/tokens/" + id).then().statusCode(200)
                .body("id", equalTo((int) id))
                .body("number", notNullValue())
                .body("serviceName.hi", containsString("परीक्षण"))
                .body("peopleAhead", greaterThanOrEqualTo(0));
        given().get("/api/tokens/99999999").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/tokens/abc").then().statusCode(404);
    }

    @Test
    void requestIdsAreScopedToTheirContent() {
        UUID shared = UUID.randomUUID();
        Api.post("/api/tokens", Map.of("requestId", shared.toString(), "serviceCode", service)).then().statusCode(201)
                .body("priority", equalTo("GENERAL"));
        Api.post("/api/tokens", Map.of("requestId", shared.toString(), "serviceCode", service.toLowerCase()))
                .then().statusCode(200);
    }
}
