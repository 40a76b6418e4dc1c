package org.opdqueue.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.opdqueue.support.Api;
import org.opdqueue.support.Parallel;
import org.opdqueue.support.TestHospital;

@QuarkusTest
class CallingConcurrencyTest {

    @Inject
    TestHospital hospital;

    @Test
    void fiftyCountersCallingAtOnceCallFiftyDifferentTokens() throws Exception {
        String service = hospital.service();
        List<Long> counters = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            counters.add(hospital.openCounter(service));
            Api.issue(service, i % 5 == 0 ? "SENIOR_CITIZEN" : "GENERAL");
        }
        List<Response> answers = Parallel.all(50, i -> Api.callNext(counters.get(i)));

        assertThat(answers).extracting(Response::statusCode).containsOnly(200);
        List<String> numbers = answers.stream().map(r -> r.jsonPath().getString("number")).toList();
        assertThat(numbers).doesNotHaveDuplicates().hasSize(50);
        List<Long> counterIds = answers.stream().map(r -> r.jsonPath().getLong("counter.id")).toList();
        assertThat(counterIds).containsExactlyInAnyOrderElementsOf(counters);
        Api.callNext(counters.get(0)).then().statusCode(409);
    }
}
