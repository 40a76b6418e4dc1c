package org.opdqueue.queue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.opdqueue.counter.CounterState;
import org.opdqueue.support.Api;
import org.opdqueue.support.MutableClock;
import org.opdqueue.support.TestHospital;

@QuarkusTest
class CallingTest {

    @Inject
    TestHospital hospital;

    @Inject
    MutableClock clock;

    String service;
    long counter;

    @BeforeEach
    void setUp() {
        service = hospital.service();
        counter = hospital.openCounter(service);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void callNextStartCompleteFlow() {
        long id = Api.id(Api.issue(service));
        Api.callNext(counter).then().statusCode(200)
                .body("id", equalTo((int) id))
                .body("status", equalTo("CALLED"))
                .body("counter.id", equalTo((int) counter))
                .body("callCount", equalTo(1));
        Api.act(id, "recall").then().statusCode(200).body("callCount", equalTo(2));
        Api.act(id, "start").then().statusCode(200).body("status", equalTo("SERVING"));
        given().get("/api/counters/" + counter).then().body("currentToken.id", equalTo((int) id));
        Api.act(id, "complete").then().statusCode(200).body("status", equalTo("COMPLETED")).body("counter", nullValue());
        given().get("/api/counters/" + counter).then().body("currentToken", nullValue());
    }

    @Test
    void callNextWhenNobodyWaitsIs204() {
        Api.callNext(counter).then().statusCode(204);
    }

    @Test
    void callingAtAClosedOrPausedCounterIs409() {
        Api.issue(service);
        long closed = hospital.counter(CounterState.CLOSED, service);
        Api.callNext(closed).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/illegal-transition"))
                .body("detail", containsString("CLOSED"));
        long paused = hospital.counter(CounterState.PAUSED, service);
        Api.callNext(paused).then().statusCode(409).body("detail", containsString("PAUSED"));
    }

    @Test
    void aCounterHoldingATokenMustFinishItFirst() {
        Api.issue(service);
        Api.issue(service);
        String first = Api.callNextNumber(counter);
        Api.callNext(counter).then().statusCode(409).body("detail", containsString(first));
    }

    @Test
    void illegalTransitionsAre409() {
        long id = Api.id(Api.issue(service));
        Api.act(id, "complete").then().statusCode(409)
                .body("type", equalTo("/problems/illegal-transition"))
                .body("detail", containsString("WAITING"));
        Api.act(id, "start").then().statusCode(409);
        Api.act(id, "recall").then().statusCode(409);
        Api.act(id, "no-show").then().statusCode(409);
        Api.act(id, "requeue").then().statusCode(409);
        Api.act(id, "cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        Api.act(id, "cancel").then().statusCode(409);
        Api.act(99999999, "start").then().statusCode(404);
    }

    @Test
    void anotherDaysTokenCannotBeActedOn() {
        long id = Api.id(Api.issue(service));
        clock.advance(Duration.ofDays(1));
        Api.act(id, "cancel").then().statusCode(409).body("detail", containsString("not today's queue"));
        Api.callNext(counter).then().statusCode(204);
    }

    @Test
    void numbersStartAgainOnTheNextBusinessDay() {
        Api.issue(service);
        clock.advance(Duration.ofDays(1));
        assertThat(Api.issue(service).getString("number")).isEqualTo(service + "-001");
    }

    @Test
    void callsASpecificTokenByNumberOrId() {
        Api.issue(service);
        var second = Api.issue(service);
        Api.post("/api/counters/" + counter + "/call", Map.of("number", second.getString("number").toLowerCase()))
                .then().statusCode(200).body("id", equalTo((int) Api.id(second))).body("status", equalTo("CALLED"));
        Api.act(Api.id(second), "complete").then().statusCode(200);
        Api.post("/api/counters/" + counter + "/call", Map.of("number", service + "-999")).then().statusCode(404);
        Api.post("/api/counters/" + counter + "/call", Map.of()).then().statusCode(400)
                .body("errors[0].field", equalTo("number"));
        Api.post("/api/counters/" + counter + "/call", Map.of("tokenId", Api.id(second))).then().statusCode(409);
    }

    @Test
    void aCounterOnlyCallsFromItsOwnServices() {
        String other = hospital.service();
        var token = Api.issue(other);
        Api.post("/api/counters/" + counter + "/call", Map.of("tokenId", Api.id(token))).then().statusCode(409)
                .body("detail", containsString("does not serve"));
    }

    @Test
    void transferKeepsTheNumberAndJoinsTheOtherQueue() {
        String lab = hospital.service();
        long labCounter = hospital.openCounter(lab);
        Api.issue(lab);
        var token = Api.issue(service);
        Api.callNext(counter).then().statusCode(200);
        Api.act(Api.id(token), "transfer", Map.of("serviceCode", lab)).then().statusCode(200)
                .body("number", equalTo(token.getString("number")))
                .body("serviceCode", equalTo(lab))
                .body("status", equalTo("WAITING"))
                .body("peopleAhead", equalTo(1));
        given().get("/api/queues/" + lab).then().body("waiting.number", org.hamcrest.Matchers.contains(
                lab + "-001", token.getString("number")));
        Api.callNextNumber(labCounter);
        Api.act(Api.id(token), "transfer", Map.of("serviceCode", "NOPE")).then().statusCode(404);
        Api.act(Api.id(token), "transfer", Map.of()).then().statusCode(400).body("errors[0].field", equalTo("serviceCode"));
        Api.act(Api.id(token), "transfer", Map.of("serviceCode", lab)).then().statusCode(409);
    }

    @Test
    void noShowRequeueLandsNPlacesBack() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(Api.id(Api.issue(service)));
        }
        Api.callNext(counter).then().body("id", equalTo(ids.get(0).intValue()));
        Api.act(ids.get(0), "no-show").then().statusCode(200).body("status", equalTo("NO_SHOW"));
        Api.act(ids.get(0), "requeue", Map.of("requeueAfter", 3)).then().statusCode(200)
                .body("status", equalTo("WAITING")).body("peopleAhead", equalTo(3));
        List<Integer> order = given().get("/api/queues/" + service).then().extract().path("waiting.id");
        assertThat(order).containsExactly(ids.get(1).intValue(), ids.get(2).intValue(), ids.get(3).intValue(),
                ids.get(0).intValue(), ids.get(4).intValue(), ids.get(5).intValue());
    }

    @Test
    void noShowWithRequeueAfterPutsTheTokenBackAtOnce() {
        long a = Api.id(Api.issue(service));
        long b = Api.id(Api.issue(service));
        Api.callNext(counter);
        Api.act(a, "no-show", Map.of("requeueAfter", 1)).then().statusCode(200).body("status", equalTo("WAITING"));
        assertThat(Api.callNext(counter).then().extract().jsonPath().getLong("id")).isEqualTo(b);
        Api.act(b, "complete");
        assertThat(Api.callNext(counter).then().extract().jsonPath().getLong("id")).isEqualTo(a);
        Api.act(a, "no-show", Map.of("requeueAfter", -1)).then().statusCode(400)
                .body("errors[0].field", equalTo("requeueAfter"));
    }

    @Test
    void counterStateChangesAndBadStateIsNamed() {
        Api.staff().contentType(ContentType.JSON).body(Map.of("state", "PAUSED")).put("/api/counters/" + counter + "/state")
                .then().statusCode(200).body("state", equalTo("PAUSED"));
        Api.staff().contentType(ContentType.JSON).body(Map.of("state", "ASLEEP")).put("/api/counters/" + counter + "/state")
                .then().statusCode(400).body("errors[0].field", equalTo("state"));
        Api.staff().contentType(ContentType.JSON).body(Map.of()).put("/api/counters/" + counter + "/state")
                .then().statusCode(400).body("errors[0].field", equalTo("state"));
        Api.staff().contentType(ContentType.JSON).body(Map.of("state", "OPEN")).put("/api/counters/99999999/state")
                .then().statusCode(404);
    }
}
