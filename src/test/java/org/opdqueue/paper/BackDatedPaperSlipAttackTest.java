package org.opdqueue.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.opdqueue.support.Api;
import org.opdqueue.support.MutableClock;
import org.opdqueue.support.TestHospital;

/**
 * Issue 12, item 9: a clerk could enter a paper slip with any time of the day, before its book existed and outside any
 * outage, and so put a patient ahead of everyone who took a token while the system was up.
 */
@QuarkusTest
class BackDatedPaperSlipAttackTest {

    @Inject
    TestHospital hospital;

    @Inject
    MutableClock clock;

    String service;

    @BeforeEach
    void bookPrintedThreeHoursAgo() {
        service = hospital.service();
        clock.advance(Duration.ofHours(-3));
        PaperApi.reserve(service, 10).then().statusCode(201);
        clock.reset();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aSlipDatedBeforeItsBookWasPrintedIsRefused() {
        PaperApi.enter("registrar", service + "-P0001", Instant.now().minus(Duration.ofHours(4))).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("issuedAt"))
                .body("errors[0].message", containsString("is before book"));
    }

    @Test
    void aSlipTimedOutsideAnyOutageQueuesFromItsEntryBehindTokensIssuedBefore() {
        String online = Api.issue(service).getString("number");
        PaperApi.enter("registrar", service + "-P0002", Instant.now().minus(Duration.ofHours(2))).then().statusCode(201);

        assertThat(waiting()).containsExactly(online, service + "-P0002");
    }

    @Test
    void aSlipTimedInARecordedOutageQueuesByTheTimeWrittenOnIt() {
        Instant now = Instant.now();
        hospital.outage(now.minus(Duration.ofMinutes(70)), now.minus(Duration.ofMinutes(50)), "test outage", 0);
        String online = Api.issue(service).getString("number");
        // written a little after the outage ended: the books are put away by hand, so the margin counts
        PaperApi.enter("registrar", service + "-P0003", now.minus(Duration.ofMinutes(45))).then().statusCode(201)
                .body("issuedAt", equalTo(now.minus(Duration.ofMinutes(45)).toString()));

        assertThat(waiting()).containsExactly(service + "-P0003", online);
    }

    private List<String> waiting() {
        return Api.staff().get("/api/queues/" + service).then().statusCode(200).extract().path("waiting.number");
    }
}
