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

    @Test
    void requestsCommittedTogetherStillGetTheirOwnAnswers() throws Exception {
        // issues that arrive together are committed in one transaction; each must still get its own answer
        String service = hospital.service();
        String shared = java.util.UUID.randomUUID().toString();
        List<Response> answers = Parallel.all(120, i -> Api.post("/api/tokens", switch (i % 6) {
            case 0 -> Api.issueBody(service, "NO-SUCH-CATEGORY");
            case 1 -> Map.of("requestId", shared, "serviceCode", service, "priority", i % 4 == 1 ? "GENERAL" : "SENIOR_CITIZEN",
                    "channel", "COUNTER");
            default -> Api.issueBody(service, "GENERAL");
        }));

        List<Response> unknownCategory = IntStream.range(0, 120).filter(i -> i % 6 == 0).mapToObj(answers::get).toList();
        assertThat(unknownCategory).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.jsonPath().getString("errors[0].field")).isEqualTo("priority");
        });
        List<Response> sharedId = IntStream.range(0, 120).filter(i -> i % 6 == 1).mapToObj(answers::get).toList();
        assertThat(sharedId).extracting(Response::statusCode).containsOnly(200, 201, 409).containsOnlyOnce(201);
        Response winner = sharedId.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow();
        assertThat(sharedId).filteredOn(r -> r.statusCode() == 200)
                .allSatisfy(r -> assertThat(r.jsonPath().getLong("id")).isEqualTo(winner.jsonPath().getLong("id")));
        assertThat(sharedId).filteredOn(r -> r.statusCode() == 409)
                .allSatisfy(r -> assertThat(r.jsonPath().getString("type")).isEqualTo("/problems/request-id-reused"));

        List<String> numbers = answers.stream().filter(r -> r.statusCode() == 201)
                .map(r -> r.jsonPath().getString("number")).sorted().toList();
        // 80 fresh requests and the one shared id: numbers 1 to 81, each once, none given to a refused request
        List<String> expected = IntStream.rangeClosed(1, 81).mapToObj(n -> String.format("%s-%03d", service, n)).toList();
        assertThat(numbers).containsExactlyElementsOf(expected);
    }

    @Test
    void issuesOfSeveralServicesCommittedTogetherEachTakeTheirOwnServicesNumbers() throws Exception {
        // the services of one lane share its batches: one transaction bumps each service's number row
        List<String> services = List.of(hospital.service(), hospital.service(), hospital.service(), hospital.service());
        List<Response> answers = Parallel.all(160,
                i -> Api.post("/api/tokens", Api.issueBody(services.get(i % 4), "GENERAL")));

        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(201));
        for (String service : services) {
            List<String> numbers = answers.stream().filter(r -> r.jsonPath().getString("serviceCode").equals(service))
                    .map(r -> r.jsonPath().getString("number")).sorted().toList();
            assertThat(numbers).containsExactlyElementsOf(
                    IntStream.rangeClosed(1, 40).mapToObj(n -> String.format("%s-%03d", service, n)).toList());
        }
    }
}
