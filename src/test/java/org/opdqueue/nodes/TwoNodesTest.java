package org.opdqueue.nodes;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import org.opdqueue.support.Api;
import org.opdqueue.support.BoardClient;
import org.opdqueue.support.TestHospital;

/**
 * Two app nodes on one database: this test's own app (node A) and a second one in a JVM of its own (node B), with a
 * real redis-server between them. A call made on A reaches a board connected to B through Redis's hint, and with
 * Redis killed through B's own reading of the journal, within its check interval; a call relayed on A while the
 * database is away (which is nowhere in the journal yet) reaches B's board through Redis, and B, which reaches the
 * database, journals it in place of A.
 */
@QuarkusTest
@QuarkusTestResource(value = RedisServerResource.class, restrictToAnnotatedClass = true)
class TwoNodesTest {

    /** The check interval (opd.redis.check-every, 500 ms) and room for reading, sending and a busy machine. */
    static final Duration FALLBACK_BOUND = Duration.ofMillis(1500);
    static final int CALLS = 8;

    private static Process nodeB;

    @Inject
    TestHospital hospital;

    @Inject
    FanOut fanOut;

    @Inject
    io.agroal.api.AgroalDataSource pool;

    @AfterAll
    static void stopNodeB() throws Exception {
        if (nodeB != null) {
            nodeB.getOutputStream().close();
            if (!nodeB.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                nodeB.destroyForcibly();
            }
        }
    }

    @Test
    void aCallOnNodeAReachesABoardOnNodeBThroughRedisAndWithoutIt() throws Exception {
        String service = hospital.service();
        long counter = hospital.openCounter(service);
        long hall = hospital.board(List.of(service), List.of(counter));
        URI b = startNodeB();
        awaitStatus(b, "redis"); // node B hears of node A's commits through Redis
        assertThat(given().get("/api/status").then().extract().path("fanOut").toString()).isEqualTo("redis");

        try (BoardClient board = BoardClient.connect(b, hall, null)) {
            assertThat(board.next(Duration.ofSeconds(10)).path("type").asText()).isEqualTo("snapshot");
            List<Long> withRedis = callsReachTheBoard(service, counter, board);
            System.out.printf("two nodes: call on A -> board on B, ms, with Redis: %s%n", withRedis);
            // as CallRelay does for a call made by number while the database is away: nothing to read it from but Redis
            String call = java.util.UUID.randomUUID().toString();
            fanOut.relayed(new FanOut.RelayedCall(call, counter, "RLY-001", java.time.Instant.now(), "counter1"));
            awaitEvent(board, "called", "RLY-001", FALLBACK_BOUND);
            // node A "died" with it (this node never kept it); node B, which reaches the database, journals it
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> "node-b".equals(writer(call)));
            assertThat(count("SELECT COUNT(*) FROM journal_entry WHERE type = 'CALLED' AND display_number = 'RLY-001' "
                    + "AND counter_id = " + counter)).isEqualTo(1);

            ProcessHandle.of(Long.getLong(RedisServerResource.PID)).orElseThrow().destroyForcibly();
            awaitStatus(b, "polling");
            List<Long> withoutRedis = callsReachTheBoard(service, counter, board);

            System.out.printf("two nodes: call on A -> board on B, ms: with Redis %s, Redis killed %s%n", withRedis,
                    withoutRedis);
            assertThat(withRedis).allSatisfy(ms -> assertThat(ms).isLessThan(FALLBACK_BOUND.toMillis()));
            assertThat(withoutRedis).as("Redis killed: node B's journal check every 500 ms finds them (ms: %s)",
                    withoutRedis).allSatisfy(ms -> assertThat(ms).isLessThan(FALLBACK_BOUND.toMillis()));
        }
        assertThat(given().get("/api/status").then().extract().path("fanOut").toString()).isEqualTo("polling");
    }

    /**
     * Each call made on node A (this app), and how long from A's answer until the board on node B shows it, in ms. The
     * first call warms up node B's path (a JVM just started) and is not counted.
     */
    private static List<Long> callsReachTheBoard(String service, long counter, BoardClient board) {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i <= CALLS; i++) {
            String number = Api.issue(service).getString("number");
            awaitEvent(board, "waiting", number, Duration.ofSeconds(5));
            io.restassured.path.json.JsonPath called = Api.callNextAndGet(counter);
            long answered = System.nanoTime();
            assertThat(called.getString("number")).isEqualTo(number);
            awaitEvent(board, "called", number, Duration.ofSeconds(5));
            if (i > 0) {
                millis.add((System.nanoTime() - answered) / 1_000_000);
            }
            Api.post("/api/tokens/" + called.getLong("id") + "/complete", "{}").then().statusCode(200);
        }
        return millis;
    }

    private static void awaitEvent(BoardClient board, String type, String number, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode message = board.poll(Duration.ofMillis(50));
            if (message != null && type.equals(message.path("type").asText())
                    && number.equals(message.path("number").asText())) {
                return;
            }
        }
        throw new AssertionError("node B's board did not show " + type + " " + number + " within " + within
                + "; it got " + board.everything());
    }

    /** The node that wrote a relayed call into the journal, or null. */
    private String writer(String call) throws java.sql.SQLException {
        try (java.sql.Connection c = pool.getConnection(); java.sql.PreparedStatement s = c.prepareStatement(
                "SELECT written_by FROM relayed_call WHERE call_id = ?")) {
            s.setString(1, call);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private long count(String query) throws java.sql.SQLException {
        try (java.sql.Connection c = pool.getConnection(); java.sql.Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private URI startNodeB() throws Exception {
        // read here, not injected: every test's app would have to have opd.redis.url then
        Config config = ConfigProvider.getConfig();
        int port = RedisServerResource.freePort();
        Path log = Path.of("target/two-nodes/node-b-" + port + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // C1 only: the second node's start-up (its Quarkus build) is most of this test's time
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "-Dquarkus.http.test-port=" + port, "-Dopd.redis.url=" + config.getValue("opd.redis.url", String.class), "-Dopd.node.name=node-b",
                "-Dquarkus.log.category.\"org.opdqueue.nodes\".level=DEBUG",
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                SecondNode.class.getName()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("QUARKUS_DATASOURCE_JDBC_URL", config.getValue("quarkus.datasource.jdbc.url", String.class));
        builder.environment().put("QUARKUS_DATASOURCE_USERNAME", config.getValue("quarkus.datasource.username", String.class));
        builder.environment().put("QUARKUS_DATASOURCE_PASSWORD",
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
        nodeB = builder.start();
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (!Files.readString(log).contains(SecondNodeApp.READY)) {
            if (!nodeB.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("node B did not start; its log " + new File(log.toString()).getAbsolutePath()
                        + ":\n" + tail(log));
            }
            Thread.sleep(100);
        }
        return base;
    }

    private static String tail(Path log) throws java.io.IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static String status(URI node) {
        return given().baseUri(node.toString()).get("/api/status").then().statusCode(200).extract().path("fanOut");
    }

    private static void awaitStatus(URI node, String fanOut) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!fanOut.equals(status(node))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("node's /api/status did not say fanOut " + fanOut + " within 5 s");
            }
            Thread.sleep(50);
        }
    }
}
