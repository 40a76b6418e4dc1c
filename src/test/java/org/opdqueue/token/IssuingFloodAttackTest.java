package org.opdqueue.token;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import org.opdqueue.common.OpdConfig;
import org.opdqueue.support.Api;
import org.opdqueue.support.TestHospital;

/**
 * Issue 12, item 2: one anonymous client issued 5,000 PREGNANT tokens in 32 s, choosing channel and priority, and a real
 * patient came 5,007th. Tokens now come from an enrolled kiosk (KIOSK tokens), staff (COUNTER, APPOINTMENT) or, where
 * the hospital allows it, a phone (GENERAL KIOSK tokens, a few an hour); each kiosk has a limit a minute.
 */
@QuarkusTest
class IssuingFloodAttackTest {

    @TestHTTPResource("/api/tokens")
    URI tokens;

    @Inject
    TestHospital hospital;

    @Inject
    OpdConfig config;

    @Test
    void fiveThousandAnonymousPregnantTokensAreAllRefusedAndTheKioskStillIssues() throws Exception {
        String service = hospital.service();
        int flood = 5_000;
        AtomicInteger created = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        long cpuBefore = processCpuNanos();
        long started = System.nanoTime();
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < flood; i++) {
                String body = "{\"requestId\":\"" + UUID.randomUUID() + "\",\"serviceCode\":\"" + service
                        + "\",\"priority\":\"PREGNANT\",\"channel\":\"APPOINTMENT\"}";
                sent.add(pool.submit(() -> {
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(tokens)
                            .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    (answer.statusCode() == 201 ? created : refused).incrementAndGet();
                    return null;
                }));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("anonymous flood: %d requests in %.1f s, %d tokens created, %d refused, JVM CPU %.1f s "
                + "(client and server share the JVM)%n", flood, seconds, created.get(), refused.get(),
                (processCpuNanos() - cpuBefore) / 1e9);

        assertThat(created.get()).isZero();
        given().contentType(ContentType.JSON).body(Api.issueBody(service, "PREGNANT")).post("/api/tokens").then()
                .statusCode(401).contentType("application/problem+json").body("type", equalTo("/problems/unauthenticated"));
        // a real patient at the kiosk is the first in the queue
        Api.kiosk().contentType(ContentType.JSON).body(Api.kioskBody(service, "GENERAL")).post("/api/tokens").then()
                .statusCode(201).body("peopleAhead", equalTo(0)).body("channel", equalTo("KIOSK"));
    }

    @Test
    void aKioskIssuesKioskTokensOnlyWhateverItAsksFor() {
        String service = hospital.service();
        for (String channel : new String[] { "COUNTER", "APPOINTMENT", "PAPER" }) {
            Api.kiosk().contentType(ContentType.JSON).body(Map.of("requestId", UUID.randomUUID().toString(),
                    "serviceCode", service, "channel", channel)).post("/api/tokens").then().statusCode(403)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("channel"));
        }
        Api.kiosk().contentType(ContentType.JSON).body(Map.of("requestId", UUID.randomUUID().toString(),
                "serviceCode", service, "priority", "PREGNANT")).post("/api/tokens").then().statusCode(201)
                .body("channel", equalTo("KIOSK")).body("priority", equalTo("PREGNANT"));
        // staff choose, and without a channel it is theirs: COUNTER
        Api.staff().contentType(ContentType.JSON).body(Map.of("requestId", UUID.randomUUID().toString(),
                "serviceCode", service)).post("/api/tokens").then().statusCode(201).body("channel", equalTo("COUNTER"));
        Api.staff().contentType(ContentType.JSON).body(Map.of("requestId", UUID.randomUUID().toString(),
                "serviceCode", service, "channel", "APPOINTMENT")).post("/api/tokens").then().statusCode(201)
                .body("channel", equalTo("APPOINTMENT"));
        given().header("Authorization", "Device " + Api.KIOSK_KEY + "x").contentType(ContentType.JSON)
                .body(Api.kioskBody(service, "GENERAL")).post("/api/tokens").then().statusCode(401);
    }

    @Test
    void aKioskBeyondItsLimitIsToldWhenToComeBack() {
        String service = hospital.service();
        String kiosk = hospital.kiosk();
        String key = Api.as("admin", "admin123").contentType(ContentType.JSON).post("/api/devices/" + kiosk + "/credential")
                .then().statusCode(200).extract().path("key");
        int limit = config.issuing().kiosk().perMinute();
        int created = 0;
        Response refused = null;
        // the allowance refills a little every few seconds, so a few more than the limit may pass on a slow machine
        for (int i = 0; i < 2 * limit && refused == null; i++) {
            Response answer = issueAs(key, service);
            if (answer.statusCode() == 201) {
                created++;
            } else {
                refused = answer;
            }
        }
        assertThat(created).isGreaterThanOrEqualTo(limit);
        assertThat(refused).as("refused before twice the limit").isNotNull();
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("/problems/too-many-requests")).header("Retry-After", not(equalTo(null)));
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        // the hall's other kiosk is not held back by the one that ran out
        Api.kiosk().contentType(ContentType.JSON).body(Api.kioskBody(service, "GENERAL")).post("/api/tokens").then()
                .statusCode(201);
    }

    private static Response issueAs(String key, String service) {
        return given().header("Authorization", "Device " + key).contentType(ContentType.JSON)
                .body(Api.kioskBody(service, "GENERAL")).post("/api/tokens");
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
