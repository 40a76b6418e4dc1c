package org.opdqueue.status;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.opdqueue.support.Api;
import org.opdqueue.support.TestHospital;

@QuarkusTest
class ReadSideTest {

    @Inject
    TestHospital hospital;

    @Test
    void servicesShowWaitingOpenCountersAndWait() {
        String service = hospital.service();
        hospital.openCounter(service);
        hospital.openCounter(service);
        Api.issue(service);
        Api.issue(service);
        given().get("/api/services").then().statusCode(200)
                .body("code", hasItems("MED", "ORTH", "ENT", "PAED", "GYN", "LAB", service))
                .body("find { it.code == '" + service + "' }.waiting", equalTo(2))
                .body("find { it.code == '" + service + "' }.openCounters", equalTo(2))
                .body("find { it.code == '" + service + "' }.estimatedWaitMinutes", equalTo(5))
                .body("find { it.code == 'MED' }.name.hi", equalTo("सामान्य चिकित्सा"));
    }

    @Test
    void demoHospitalHasTenOrMoreCounters() {
        given().get("/api/counters").then().statusCode(200)
                .body("size()", greaterThanOrEqualTo(10))
                .body("find { it.code == 'R01' }.serviceCodes", hasItem("MED"))
                .body("find { it.code == 'R01' }.state", equalTo("OPEN"));
        given().get("/api/counters/99999999").then().statusCode(404);
    }

    @Test
    void priorityCategoriesAreListed() {
        given().get("/api/priority-categories").then().statusCode(200)
                .body("code", hasItems("GENERAL", "SENIOR_CITIZEN", "DIVYANG", "PREGNANT"))
                .body("find { it.code == 'GENERAL' }.priority", equalTo(false));
    }

    @Test
    void queueOfUnknownServiceIs404() {
        given().get("/api/queues/NOPE").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void statusSaysNormalWithTheDatabaseUp() {
        given().get("/api/status").then().statusCode(200)
                .body("mode", equalTo("NORMAL"))
                .body("databaseReachable", equalTo(true))
                .body("since", notNullValue())
                .body("facility", equalTo("DEMO"));
    }

    @Test
    void healthIncludesTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("database"));
    }

    @Test
    void openApiDescribesEveryEndpoint() {
        Api.as("admin", "admin123").get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/api/tokens"))
                .body("paths", hasKey("/api/tokens/{id}"))
                .body("paths", hasKey("/api/tokens/{id}/transfer"))
                .body("paths", hasKey("/api/queues/{serviceCode}"))
                .body("paths", hasKey("/api/counters/{counterId}/call-next"))
                .body("paths", hasKey("/api/counters/{counterId}/call"))
                .body("paths", hasKey("/api/counters/{counterId}/state"))
                .body("paths", hasKey("/api/services"))
                .body("paths", hasKey("/api/status"));
    }

    @Test
    void unknownPathIsAProblemNotAPage() {
        given().get("/api/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }
}
