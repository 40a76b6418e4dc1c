package org.opdqueue.patient;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.opdqueue.support.Api;
import org.opdqueue.support.TestHospital;

@QuarkusTest
class StatusPageTest {

    @Inject
    TestHospital hospital;

    @Test
    void showsTheTokenButNoPersonalData() {
        String service = hospital.service();
        Map<String, Object> body = new HashMap<>(Api.issueBody(service, "SENIOR_CITIZEN"));
        body.put("patient", Map.of("name", "Kamla Devi", "mobile", "9876543210"));
        String code = Api.post("/api/tokens", body).then().statusCode(201).extract().path("code");

        given().get("/t/" + code).then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString(service + "-001")).body(containsString("परीक्षण सेवा"))
                .body(containsString("Waiting")).body(not(containsString("Kamla"))).body(not(containsString("9876543210")));
        given().get("/t/" + code + "/state").then().statusCode(200)
                .body("number", equalTo(service + "-001")).body("status", equalTo("WAITING"))
                .body("peopleAhead", equalTo(0)).body(not(containsString("Kamla")));
    }

    @Test
    void anUnknownCodeGetsAFriendlyPage() {
        given().get("/t/NoSuchCode123456").then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("Token not found")).body(containsString("टोकन नहीं मिला"));
        given().get("/t/%3Cscript%3E").then().statusCode(404);
        given().get("/t/NoSuchCode123456/state").then().statusCode(404).contentType("application/problem+json");
    }
}
