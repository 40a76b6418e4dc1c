package org.opdqueue.token;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.core.Vertx;

import org.opdqueue.common.Facility;
import org.opdqueue.common.OpdConfig;
import org.opdqueue.limits.Limits;
import org.opdqueue.support.TwoNodesOnOneRedis;
import org.opdqueue.nodes.RedisServerResource;
import org.opdqueue.support.Api;
import org.opdqueue.support.TestHospital;

/**
 * This app as node A and, in the test, node B's issuing limits against the same real redis-server: a kiosk that used
 * its minute's tokens through node B is refused on node A; with Redis killed, node A issues at once from its own
 * buckets and says so on /api/status.
 */
@QuarkusTest
@QuarkusTestResource(value = RedisServerResource.class, restrictToAnnotatedClass = true)
class IssuingLimitsAcrossNodesTest {

    @Inject
    TestHospital hospital;

    @Inject
    OpdConfig config;

    @Inject
    Facility facility;

    @Test
    void aKioskThatUsedItsMinuteOnNodeBIsRefusedOnNodeAAndWithRedisKilledIssuesAtOnce() throws Exception {
        awaitLimits("redis", Duration.ofSeconds(30)); // its first ping, slow on a busy machine's cold start
        String service = hospital.service();
        String kiosk = hospital.kiosk();
        String key = Api.enrol(kiosk).getString("key");
        // node A has served a kiosk through Redis before, as a node in use has
        Api.kiosk().contentType(ContentType.JSON).body(Api.kioskBody(service, "GENERAL")).post("/api/tokens").then()
                .statusCode(201);
        Vertx vertx = Vertx.vertx();
        Limits shared = new Limits(vertx, ConfigProvider.getConfig().getValue("opd.redis.url", String.class),
                "opd:" + facility.code() + ":limit:");
        try {
            TwoNodesOnOneRedis.reachRedis(shared);
            IssuingLimits nodeB = new IssuingLimits(shared, config.issuing().kiosk().perMinute(), 4, 20, 100);
            int takenOnB = 0;
            while (true) {
                try {
                    nodeB.take(Issuer.kiosk(kiosk));
                    takenOnB++;
                } catch (org.opdqueue.common.ProblemException refused) {
                    break;
                }
            }
            assertThat(takenOnB).isEqualTo(config.issuing().kiosk().perMinute());
            issueAs(key, service).then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
        } finally {
            shared.close();
            vertx.close();
        }

        ProcessHandle.of(Long.getLong(RedisServerResource.PID)).orElseThrow().destroyForcibly();
        long started = System.nanoTime();
        Response issued = issueAs(key, service); // node A's own bucket for this kiosk is full: it never took from it
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("issuing on node A right after Redis was killed: %d ms%n", millis);
        issued.then().statusCode(201);
        assertThat(millis).isLessThan(1000);
        awaitLimits("local, Redis down", Duration.ofSeconds(5));
        issueAs(key, service).then().statusCode(201);
    }

    private static Response issueAs(String key, String service) {
        return given().header("Authorization", "Device " + key).contentType(ContentType.JSON)
                .body(Api.kioskBody(service, "GENERAL")).post("/api/tokens");
    }

    private static void awaitLimits(String way, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        String now;
        while (!(now = given().get("/api/status").then().statusCode(200).extract().path("limits")).equals(way)) {
            assertThat(System.nanoTime()).as("limits " + way + " on /api/status, still " + now).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
