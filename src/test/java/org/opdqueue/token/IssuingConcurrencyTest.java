package org.opdqueue.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.opdqueue.support.Api;
import org.opdqueue.support.Parallel;
import org.opdqueue.support.TestHospital;

@QuarkusTest
class IssuingConcurrencyTest {

    @Inject
    TestHospital hospital;

    @Test
    void twoHundredParallelIssuesNumberOneToTwoHundredExactlyOnce() throws Exception {
        String service = hospital.service();
        List<Response> answers = Parallel.all(200, i -> Api.post("/api/tokens", Api.issueBody(service, "GENERAL")));

        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(201));
        List<String> numbers = answers.stream().map(r -> r.jsonPath().getString("number")).sorted().toList();
        List<String> expected = IntStream.rangeClosed(1, 200).mapToObj(n -> String.format("%s-%03d", service, n)).toList();
        assertThat(numbers).containsExactlyElementsOf(expected);
    }

    @Test
    void theSameRequestSentFiveTimesAtOnceMakesOneToken() throws Exception {
        String service = hospital.service();
        Map<String, Object> body = Api.issueBody(service, "GENERAL");
        List<Response> answers = Parallel.all(5, i -> Api.post("/api/tokens", body));

        assertThat(answers).extracting(Response::statusCode).containsOnly(200, 201).containsOnlyOnce(201);
        assertThat(answers).extracting(r -> r.jsonPath().getLong("id")).containsOnly(answers.get(0).jsonPath().getLong("id"));
        assertThat(answers).extracting(r -> r.jsonPath().getString("number")).containsOnly(service + "-001");
        assertThat(Api.issue(service).getString("number")).isEqualTo(service + "-002");
    }
}
