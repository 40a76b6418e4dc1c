package org.opdqueue.queue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.opdqueue.support.Api;
import org.opdqueue.support.TestHospital;

/** The queue endpoint's order is the order call-next really calls in, priority interleave included. */
@QuarkusTest
class CallOrderTest {

    @Inject
    TestHospital hospital;

    @Test
    void callNextFollowsThePolicyAndTheQueueShowsTrueCallOrder() {
        String service = hospital.service(2);
        long counter = hospital.openCounter(service);
        String[] priorities = { "GENERAL", "GENERAL", "SENIOR_CITIZEN", "GENERAL", "PREGNANT", "DIVYANG",
                "SENIOR_CITIZEN", "GENERAL" };
        List<String> numbers = new ArrayList<>();
        for (String p : priorities) {
            numbers.add(Api.issue(service, p).getString("number"));
        }
        // lanes: priority = 3,5,6,7 ; general = 1,2,4,8 ; at most 2 priority in a row while general waits
        List<String> expected = List.of(numbers.get(2), numbers.get(4), numbers.get(0), numbers.get(5),
                numbers.get(6), numbers.get(1), numbers.get(3), numbers.get(7));
        List<String> shown = given().get("/api/queues/" + service).then().statusCode(200).extract().path("waiting.number");
        assertThat(shown).containsExactlyElementsOf(expected);

        List<Integer> ahead = new ArrayList<>();
        for (String n : expected) {
            long id = given().get("/api/queues/" + service).then().extract().jsonPath()
                    .getLong("waiting.find { it.number == '" + n + "' }.id");
            ahead.add(given().get("/api/tokens/" + id).then().extract().path("peopleAhead"));
        }
        assertThat(ahead).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);

        List<String> called = new ArrayList<>();
        for (int i = 0; i < priorities.length; i++) {
            var token = Api.callNext(counter).then().statusCode(200).extract().jsonPath();
            called.add(token.getString("number"));
            Api.act(token.getLong("id"), "complete").then().statusCode(200);
        }
        assertThat(called).containsExactlyElementsOf(expected);
        Api.callNext(counter).then().statusCode(204);
    }

    @Test
    void aCounterServingTwoServicesCallsTheEarliestCandidate() {
        String a = hospital.service();
        String b = hospital.service();
        long counter = hospital.openCounter(a, b);
        String first = Api.issue(b).getString("number");
        String second = Api.issue(a).getString("number");
        var called = Api.callNext(counter).then().statusCode(200).extract().jsonPath();
        assertThat(called.getString("number")).isEqualTo(first);
        Api.act(called.getLong("id"), "complete").then().statusCode(200);
        assertThat(Api.callNextNumber(counter)).isEqualTo(second);
    }
}
