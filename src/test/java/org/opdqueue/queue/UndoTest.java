package org.opdqueue.queue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import org.opdqueue.journal.JournalEntry;
import org.opdqueue.journal.JournalEventType;

import org.opdqueue.support.Api;
import org.opdqueue.support.MutableClock;
import org.opdqueue.support.TestHospital;
import org.opdqueue.token.Token;

/** The console's undo of a mis-keyed complete or no-show (issue 16 item 5). */
@QuarkusTest
class UndoTest {

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
    void undoingANoShowPutsTheCalledPatientBackAtTheCounter() {
        long id = Api.id(Api.issue(service));
        Api.callNext(counter).then().statusCode(200);
        Api.act(id, "no-show").then().statusCode(200).body("status", equalTo("NO_SHOW"));
        clock.advance(Duration.ofSeconds(9));

        Api.act(id, "undo").then().statusCode(200).body("status", equalTo("CALLED")).body("counter.id", equalTo((int) counter));
        given().get("/api/counters/" + counter).then().body("currentToken.id", equalTo((int) id));
        assertThat(lastJournalTypeOf(id)).isEqualTo(JournalEventType.UNDONE);
    }

    @Test
    void undoingACompleteOfAStartedPatientKeepsThemBeingServedSinceTheStart() {
        long id = Api.id(Api.issue(service));
        Api.callNext(counter).then().statusCode(200);
        clock.advance(Duration.ofSeconds(30));
        Api.act(id, "start").then().statusCode(200);
        Instant startedAt = token(id).startedAt;
        clock.advance(Duration.ofSeconds(60));
        Api.act(id, "complete").then().statusCode(200).body("status", equalTo("COMPLETED"));

        Api.act(id, "undo").then().statusCode(200).body("status", equalTo("SERVING"));
        assertThat(token(id).startedAt).isEqualTo(startedAt);
        assertThat(token(id).completedAt).isNull();
        // and once undone, the same complete can be undone again (the journal still says it was started)
        Api.act(id, "complete").then().statusCode(200);
        Api.act(id, "undo").then().statusCode(200).body("status", equalTo("SERVING"));
    }

    @Test
    void undoingACompleteOfAPatientNeverStartedLeavesThemCalledNotServed() {
        long id = Api.id(Api.issue(service));
        Api.callNext(counter).then().statusCode(200);
        Api.act(id, "complete").then().statusCode(200);

        Api.act(id, "undo").then().statusCode(200).body("status", equalTo("CALLED"));
        assertThat(token(id).startedAt).isNull();
        assertThat(token(id).completedAt).isNull();
    }

    @Test
    void anUndoAfterTenSecondsIsRefusedAsTooLate() {
        long id = Api.id(Api.issue(service));
        Api.callNext(counter).then().statusCode(200);
        Api.act(id, "complete").then().statusCode(200);
        clock.advance(Duration.ofSeconds(11));

        Api.act(id, "undo").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/undo-too-late"))
                .body("detail", containsString("10 s"));
        given().get("/api/tokens/" + id).then().body("status", equalTo("COMPLETED"));
    }

    @Test
    void anUndoAfterTheCounterCalledTheNextPatientIsRefused() {
        long first = Api.id(Api.issue(service));
        long second = Api.id(Api.issue(service));
        Api.callNext(counter).then().statusCode(200).body("id", equalTo((int) first));
        Api.act(first, "complete").then().statusCode(200);
        Api.callNext(counter).then().statusCode(200).body("id", equalTo((int) second));

        Api.act(first, "undo").then().statusCode(409).body("type", equalTo("/problems/undo-too-late"))
                .body("detail", containsString("already called"));
    }

    private static Token token(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Token.<Token>findById(id));
    }

    private static JournalEventType lastJournalTypeOf(long id) {
        return QuarkusTransaction.requiringNew().call(() -> JournalEntry.<JournalEntry>find("tokenId = ?1 order by seq desc", id)
                .firstResult().type);
    }

    @Test
    void aTokenStillWaitingHasNothingToUndo() {
        long id = Api.id(Api.issue(service));
        Api.act(id, "undo").then().statusCode(409).body("type", equalTo("/problems/illegal-transition"));
    }
}
