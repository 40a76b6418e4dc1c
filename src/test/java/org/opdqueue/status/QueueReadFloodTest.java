package org.opdqueue.status;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.opdqueue.support.Api;
import org.opdqueue.support.TestHospital;

/**
 * Attack test (issue 12, item 3): anonymous readers flooding a long queue took the whole connection pool, the mode
 * probe shared that pool, and the hospital went into paper-token mode four times in 25 s with outages recorded.
 * A busy pool is not an outage, and a queue read is small and shared.
 */
@QuarkusTest
class QueueReadFloodTest {

    @Inject
    TestHospital hospital;

    @Inject
    DataSource pool;

    @Test
    void aPoolHeldBusyIsNotAnOutageAndARequestWaitingForItIsRefusedAsOverloaded() throws Exception {
        int outagesBefore = outages();
        String service = hospital.service();
        List<Connection> held = new ArrayList<>();
        try {
            while (true) { // every pooled connection, as a flood of slow requests would hold them
                try {
                    held.add(pool.getConnection());
                } catch (SQLException e) {
                    break;
                }
            }
            assertThat(held).as("the pool was taken whole").isNotEmpty();
            List<String> modes = watchModes(3_500);
            assertThat(modes).as("mode while the pool is busy (three probes)").isNotEmpty().containsOnly("NORMAL");

            Response waiting = given().get("/api/queues/" + service);
            assertThat(waiting.statusCode()).isEqualTo(503);
            assertThat(waiting.jsonPath().getString("type")).isEqualTo("/problems/overloaded");
            given().get("/api/status").then().statusCode(200).body("mode", org.hamcrest.Matchers.equalTo("NORMAL"))
                    .body("databaseReachable", org.hamcrest.Matchers.equalTo(true));
            given().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'database' }.data.mode", org.hamcrest.Matchers.equalTo("NORMAL"));
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        assertThat(outages()).as("outages recorded").isEqualTo(outagesBefore);
    }

    @Test
    void aHundredAndTwentyReadersOfALongQueueGetAShortAnswerAndTheModeStaysNormal() throws Exception {
        int outagesBefore = outages();
        String service = hospital.service();
        hospital.longQueue(service, 1500);

        AtomicBoolean flooding = new AtomicBoolean(true);
        CompletableFuture<List<String>> modes = CompletableFuture.supplyAsync(() -> {
            List<String> seen = new ArrayList<>();
            while (flooding.get()) {
                seen.add(given().get("/api/status").then().extract().path("mode"));
                sleep(50);
            }
            return seen;
        });
        ConcurrentLinkedQueue<Response> answers = new ConcurrentLinkedQueue<>();
        ExecutorService readers = Executors.newFixedThreadPool(120);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int reader = 0; reader < 120; reader++) {
                done.add(readers.submit(() -> {
                    for (int i = 0; i < 8; i++) {
                        answers.add(given().get("/api/queues/" + service));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            flooding.set(false);
            readers.shutdownNow();
        }

        assertThat(answers).hasSize(960).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.asByteArray().length).as("answer size").isLessThan(64 * 1024);
        });
        Response one = answers.peek();
        assertThat(one.jsonPath().getInt("waitingCount")).isEqualTo(1500);
        assertThat(one.jsonPath().getList("waiting")).as("the default page (issue 14: under 20 KB)").hasSize(100);
        assertThat(modes.get()).as("mode during the flood").isNotEmpty().containsOnly("NORMAL");
        assertThat(outages()).as("outages recorded").isEqualTo(outagesBefore);
        // the whole list is there for a client that asks for more, in pages of at most 1000
        given().get("/api/queues/" + service + "?limit=1000").then().statusCode(200)
                .body("waiting.size()", org.hamcrest.Matchers.equalTo(1000));
        given().get("/api/queues/" + service + "?limit=1001").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("limit"));
    }

    /** The modes /api/status reported, sampled every 50 ms for this long. */
    private static List<String> watchModes(long millis) {
        List<String> seen = new ArrayList<>();
        long until = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < until) {
            seen.add(given().get("/api/status").then().statusCode(200).extract().path("mode"));
            sleep(50);
        }
        return seen;
    }

    private static int outages() {
        return Api.as("admin", "admin123").get("/api/outages").then().statusCode(200).extract().jsonPath()
                .getList("$").size();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
