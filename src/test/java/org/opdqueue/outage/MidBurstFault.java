package org.opdqueue.outage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Assumptions;

import org.opdqueue.embedded.EmbeddedMariaDb;
import org.opdqueue.support.DatabaseProcess;
import org.opdqueue.support.EmbeddedMariaDbResource;
import org.opdqueue.support.TestHospital;

/** The story both mid-burst fault tests tell: burst, fault, recovery, every request id retried. */
final class MidBurstFault {

    enum Fault { KILL, FREEZE }

    static final int ISSUES = 600;
    static final int CLIENTS = 24;
    /** The slowest a refused issue may take: a kiosk waits 2 s before printing offline, a clerk not much longer. */
    static final long FAIL_WITHIN_MILLIS = 3_000;

    private final URI base;
    private final TestHospital hospital;

    MidBurstFault(URI base, TestHospital hospital) {
        this.base = base;
        this.hospital = hospital;
    }

    void run(Fault fault) throws Exception {
        EmbeddedMariaDb db = EmbeddedMariaDbResource.database();
        Assumptions.assumeTrue(db != null, "needs the embedded database, which the test can kill or freeze");
        DatabaseProcess server = DatabaseProcess.of(db);
        String service = hospital.service();
        IssueBurst burst = new IssueBurst(base);

        List<IssueBurst.Answer> answers;
        try {
            answers = burst.fire(service, ISSUES, CLIENTS, ISSUES / 4, fault == Fault.KILL ? server::kill : server::freeze);
        } finally {
            if (fault == Fault.FREEZE) {
                server.thaw();
            } else {
                db.restart();
            }
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/status").then()
                .body("mode", Matchers.equalTo("NORMAL")));

        List<IssueBurst.Answer> failed = answers.stream().filter(a -> a.status() != 201).toList();
        System.out.printf("%s mid-burst: %d created, failures by status and type %s, slowest failure %d ms%n", fault,
                ISSUES - failed.size(), failed.stream().collect(java.util.stream.Collectors.groupingBy(
                        a -> a.status() + " " + a.problemType(), java.util.TreeMap::new, java.util.stream.Collectors.counting())),
                failed.stream().mapToLong(IssueBurst.Answer::millis).max().orElse(0));
        long[] issued = answers.stream().filter(a -> a.status() == 201).mapToLong(IssueBurst.Answer::millis).sorted().toArray();
        System.out.printf("issued: p50 %d ms, max %d ms%n", issued.length == 0 ? 0 : issued[issued.length / 2],
                issued.length == 0 ? 0 : issued[issued.length - 1]);
        System.out.println("slowest failures: " + failed.stream()
                .sorted(java.util.Comparator.comparingLong(IssueBurst.Answer::millis).reversed()).limit(12)
                .map(a -> a.millis() + " ms " + a.problemType()).toList());
        assertThat(answers).as("the fault came while the burst was under way").filteredOn(a -> a.status() == 201)
                .hasSizeGreaterThanOrEqualTo(ISSUES / 4);
        assertThat(failed).as("refused issues").isNotEmpty()
                .allSatisfy(a -> {
                    assertThat(a.status()).as("status of %s: %s", a.requestId(), a.json()).isEqualTo(503);
                    assertThat(a.problemType()).isIn("/problems/degraded", "/problems/overloaded", "/problems/outcome-unknown");
                    assertThat(a.detail()).as("what the client is told to do").containsIgnoringCase("retry")
                            .contains("same requestId");
                    assertThat(a.millis()).as("time to refuse %s (%s)", a.requestId(), a.problemType())
                            .isLessThan(FAIL_WITHIN_MILLIS);
                });

        // the database is back: every client sends its request again with the same id
        Map<String, IssueBurst.Answer> retried = burst.retryAll(answers, Duration.ofSeconds(30));
        for (IssueBurst.Answer first : answers) {
            IssueBurst.Answer again = retried.get(first.requestId());
            assertThat(again.status()).as("retry of %s: %s", first.requestId(), again.json()).isIn(200, 201);
            if (first.status() == 201) {
                assertThat(again.status()).as("an acknowledged token is replayed, not made again").isEqualTo(200);
                assertThat(again.tokenId()).as("nothing acknowledged is lost").isEqualTo(first.tokenId());
            }
        }
        List<Long> tokens = retried.values().stream().map(IssueBurst.Answer::tokenId).toList();
        assertThat(tokens).as("one token per request id").doesNotHaveDuplicates().hasSize(ISSUES);
        given().get("/api/queues/" + service + "?limit=1000").then().statusCode(200)
                .body("waitingCount", Matchers.equalTo(ISSUES));
    }
}
