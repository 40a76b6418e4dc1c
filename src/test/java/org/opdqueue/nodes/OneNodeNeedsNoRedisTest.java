package org.opdqueue.nodes;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** One node, as the demo and a single-server hospital run it: no Redis configured, nothing to connect to. */
@QuarkusTest
class OneNodeNeedsNoRedisTest {

    @Inject
    FanOut fanOut;

    @Test
    void withoutRedisTheNodeFollowsTheJournalByPollingAndSaysSo() {
        assertThat(fanOut.configured()).isFalse();
        given().get("/api/status").then().statusCode(200).body("fanOut", equalTo("polling")).body("mode", equalTo("NORMAL"));
    }

    @Test
    void withoutRedisTheLimitsAreKeptInThisNodesMemoryAndItSaysSo() {
        given().get("/api/status").then().statusCode(200).body("limits", equalTo("local"));
    }
}
