package org.opdqueue.report;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.opdqueue.support.Api;
import org.opdqueue.support.MutableClock;
import org.opdqueue.support.TestHospital;

/** Today's figures are measured once per position of the journal, and a new committed token moves them. */
@QuarkusTest
class TodayFiguresTest {

    @Inject
    TestHospital hospital;

    @Inject
    TodayFigures today;

    @Inject
    MutableClock clock;

    @BeforeEach
    void realTime() {
        clock.reset();
    }

    @Test
    void todayIsNotMeasuredAgainWhileNothingHappensAndANewTokenShowsWithinTwoSeconds() throws Exception {
        String service = hospital.service();
        issuedToday(); // whatever was kept before is measured again, or not: from here on nothing moves
        long measures = today.measures();
        long before = issuedToday();
        issuedToday();
        assertThat(today.measures()).as("measures while the journal did not move").isEqualTo(measures);

        Api.issue(service);
        long deadline = System.nanoTime() + 2_000_000_000L;
        long after = issuedToday();
        while (after == before && System.nanoTime() < deadline) {
            Thread.sleep(100);
            after = issuedToday();
        }
        assertThat(after).as("tokens issued today after one more").isEqualTo(before + 1);
        assertThat(today.measures()).isGreaterThan(measures);
    }

    private static long issuedToday() {
        return Api.as("admin", "admin123").accept(ContentType.JSON).get("/api/reports/day").then().statusCode(200)
                .extract().jsonPath().getLong("totals.issued");
    }
}
