package org.opdqueue.staff;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.opdqueue.journal.JournalEntry;
import org.opdqueue.journal.JournalEventType;
import org.opdqueue.support.Api;
import org.opdqueue.support.TestHospital;

@QuarkusTest
class StaffSecurityTest {

    @Inject
    TestHospital hospital;

    String service;
    long counter;

    @BeforeEach
    void setUp() {
        service = hospital.service();
        counter = hospital.openCounter(service);
    }

    @Test
    void staffActionsNeedALogIn() {
        Api.issue(service);
        given().post("/api/counters/" + counter + "/call-next").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Basic"))
                .body("type", equalTo("/problems/unauthenticated"))
                .body("status", equalTo(401));
        given().contentType(ContentType.JSON).body(Map.of("state", "CLOSED")).put("/api/counters/" + counter + "/state")
                .then().statusCode(401).contentType("application/problem+json");
        given().post("/api/tokens/1/complete").then().statusCode(401);
        // nothing was called by the refused request
        given().get("/api/queues/" + service).then().body("waitingCount", equalTo(1));
    }

    @Test
    void wrongPasswordOrUnknownUserIsRefused() {
        Api.as(Api.STAFF_USER, "wrong").post("/api/counters/" + counter + "/call-next").then().statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("Wrong user name or password"));
        Api.as("nobody", "x").post("/api/counters/" + counter + "/call-next").then().statusCode(401);
    }

    @Test
    void pageScriptsGetNoBasicChallenge() {
        given().header("X-Requested-With", "fetch").post("/api/counters/" + counter + "/call-next").then()
                .statusCode(401).header("WWW-Authenticate", nullValue());
    }

    @Test
    void kiosksAndBoardsStayOpen() {
        Api.kiosk().contentType(ContentType.JSON).body(Api.kioskBody(service, "GENERAL")).post("/api/tokens").then()
                .statusCode(201);
        given().get("/api/services").then().statusCode(200);
        given().get("/api/counters").then().statusCode(200);
        given().get("/api/boards").then().statusCode(200);
        given().get("/api/queues/" + service).then().statusCode(200);
        given().get("/kiosk/").then().statusCode(200);
        given().get("/fonts/fonts.css").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void everyStaffActionIsJournalledWithItsActor() {
        long first = Api.staff().contentType(ContentType.JSON).body(Api.issueBody(service, "GENERAL")).post("/api/tokens")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        Api.callNext(counter).then().statusCode(200);
        Api.act(first, "start").then().statusCode(200);
        Api.act(first, "complete").then().statusCode(200);
        Api.as("registrar", "registrar123").contentType(ContentType.JSON).body(Map.of("state", "PAUSED"))
                .put("/api/counters/" + counter + "/state").then().statusCode(200);

        assertThat(journalOfToken(first)).containsExactly(
                "ISSUED by counter1", "CALLED by counter1", "STARTED by counter1", "COMPLETED by counter1");
        assertThat(lastActorOfCounter(counter, JournalEventType.COUNTER_STATE_CHANGED)).isEqualTo("registrar");
    }

    @Test
    void aKioskIssueHasNoActor() {
        long id = Api.kiosk().contentType(ContentType.JSON).body(Api.kioskBody(service, "GENERAL")).post("/api/tokens")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        assertThat(journalOfToken(id)).containsExactly("ISSUED by null");
    }

    @Transactional
    List<String> journalOfToken(long tokenId) {
        return JournalEntry.<JournalEntry>list("tokenId = ?1 order by seq", tokenId).stream()
                .map(e -> e.type + " by " + e.actor).toList();
    }

    @Transactional
    String lastActorOfCounter(long counterId, JournalEventType type) {
        return JournalEntry.<JournalEntry>find("counterId = ?1 and type = ?2 order by seq desc", counterId, type)
                .firstResult().actor;
    }
}
