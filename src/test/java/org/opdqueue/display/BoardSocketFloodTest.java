package org.opdqueue.display;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.opdqueue.support.Api;
import org.opdqueue.support.BoardClient;
import org.opdqueue.support.TestHospital;

/**
 * Issue 12, item 4: thousands of anonymous sockets in a second or two delayed a real board's call by 58 s. A board
 * socket now needs a board PC's key, a page of this server and room under the caps, all decided at the upgrade;
 * welcomes are read off the feed thread.
 */
@QuarkusTest
class BoardSocketFloodTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    TestHospital hospital;

    @Inject
    BoardConnections connections;

    final HttpClient http = HttpClient.newHttpClient();

    String service;
    long counter;
    long board;

    @BeforeEach
    void hall() {
        service = hospital.service();
        counter = hospital.openCounter(service);
        board = hospital.board(List.of(service), List.of(counter));
    }

    @Test
    void aFloodOfSocketsWithoutAKeyIsRefusedAtTheUpgradeAndARealBoardStillGetsItsCallWithinASecond() {
        try (BoardClient real = BoardClient.connect(base, board, null)) {
            assertThat(real.next().path("type").asText()).isEqualTo("snapshot");

            Map<Integer, Long> answers = statuses(attempts(300, i -> null, null));
            assertThat(answers).containsOnlyKeys(401);

            Map<Integer, Long> madeUp = statuses(attempts(100, i -> "BOARDA.guess-" + i, null));
            assertThat(madeUp).containsOnlyKeys(401);

            assertCallReaches(real);
        }
    }

    @Test
    void aPageOfAnotherSiteCannotOpenABoardButTheServersOwnPageCan() {
        Function<Integer, String> key = i -> BoardClient.DEMO_KEY;
        assertThat(statuses(attempts(1, key, "http://evil.example"))).containsOnlyKeys(403);
        assertThat(statuses(attempts(1, key, "http://" + base.getHost() + ":" + (base.getPort() + 1))))
                .containsOnlyKeys(403);
        assertThat(statuses(attempts(1, key, "http://" + base.getHost() + ":" + base.getPort()))).containsOnlyKeys(101);
    }

    @Test
    void aRevokedBoardKeyIsRefusedAndTheBoardsOpenWithItAreClosed() {
        String pc = hospital.boardPc();
        String key = Api.as("admin", "admin123").contentType(io.restassured.http.ContentType.JSON).post("/api/board-pcs/" + pc + "/key").then().statusCode(200)
                .extract().jsonPath().getString("key");
        assertThat(key).startsWith(pc + ".");
        try (BoardClient client = BoardClient.connect(base, board, null, key)) {
            assertThat(client.next().path("type").asText()).isEqualTo("snapshot");
            Api.as("admin", "admin123").contentType(io.restassured.http.ContentType.JSON).delete("/api/board-pcs/" + pc + "/key").then().statusCode(204);
            assertThat(client.closedWith(Duration.ofSeconds(5))).isEqualTo(4401);
        }
        assertThat(statuses(attempts(1, i -> key, null))).containsOnlyKeys(401);
        // a kiosk is no board PC, and nobody but an admin hands out keys
        Api.as("admin", "admin123").contentType(io.restassured.http.ContentType.JSON).post("/api/board-pcs/" + hospital.kiosk() + "/key").then().statusCode(409);
        Api.as("admin", "admin123").contentType(io.restassured.http.ContentType.JSON).post("/api/board-pcs/NO-SUCH-PC/key").then().statusCode(404);
        Api.as("counter1", "counter123").contentType(io.restassured.http.ContentType.JSON).post("/api/board-pcs/" + pc + "/key").then().statusCode(403);
    }

    @Test
    void theBoardKeyTravelsInTheHandshakesSubprotocolsNotInTheAddress() {
        try (BoardClient client = BoardClient.connect(base, board, null, BoardClient.DEMO_KEY)) {
            assertThat(client.next().path("type").asText()).isEqualTo("snapshot");
            assertThat(client.protocol()).as("the subprotocol the server names back").isEqualTo("opd-board");
        }
        assertThat(BoardClient.uri(base, board, null).getQuery()).isNull();
        assertThat(statuses(attempts(1, i -> "BOARDA.wrong-secret", null))).as("a wrong key").containsOnlyKeys(401);
        assertThat(statuses(attempts(1, i -> "NOBODY.demo-board-a", null))).as("another PC's code").containsOnlyKeys(401);
        assertThat(statuses(attempts(1, i -> null, null))).as("no key").containsOnlyKeys(401);
        // a key subprotocol that is no base64url at all
        WebSocket.Builder garbled = http.newWebSocketBuilder().subprotocols("opd-board", "opd-board-key.***");
        assertThat(statuses(List.of(garbled.buildAsync(BoardClient.uri(base, board, null), new WebSocket.Listener() {
        })))).containsOnlyKeys(401);
    }

    @Test
    void aBoardOfTheReleaseBeforeWithItsKeyInTheQueryStillConnectsForNow() {
        URI old = BoardClient.uriWithKeyInQuery(base, board, null, BoardClient.DEMO_KEY);
        assertThat(statuses(attempts(1, i -> null, null, old))).containsOnlyKeys(101);
        URI wrong = BoardClient.uriWithKeyInQuery(base, board, null, "BOARDA.wrong-secret");
        assertThat(statuses(attempts(1, i -> null, null, wrong))).containsOnlyKeys(401);
    }

    @Test
    void aFloodOfSnapshotReadsFromOneAddressGets429WhileTheBoardsStillGetTheirs() throws Exception {
        int limit = 600; // %test.opd.display.snapshots-per-address-per-minute
        List<Integer> answers = new ArrayList<>();
        String refused = null;
        // until 20 refusals: the bucket refills 10 a second meanwhile, more on a slow machine
        while (answers.stream().filter(s -> s == 429).count() < 20 && answers.size() < limit + 1000) {
            String head = rawGet("127.0.0.2", "/api/display/" + board);
            answers.add(Integer.parseInt(head.split(" ", 3)[1]));
            if (answers.get(answers.size() - 1) == 429) {
                refused = head;
            }
        }
        System.out.println("snapshot flood from one address: " + answers.size() + " reads, answers by status: "
                + answers.stream().collect(Collectors.groupingBy(s -> s, java.util.TreeMap::new, Collectors.counting())));
        assertThat(answers.subList(0, limit)).as("the first minute's allowance").containsOnly(200);
        assertThat(answers).containsOnly(200, 429);
        assertThat(answers.stream().filter(s -> s == 429).count()).as("refused once the allowance is spent").isEqualTo(20);
        assertThat(refused).containsIgnoringCase("retry-after:").contains("application/problem+json");
        // a board elsewhere: its page's snapshot and its socket
        io.restassured.RestAssured.given().get("/api/display/" + board).then().statusCode(200);
        try (BoardClient client = BoardClient.connect(base, board, null)) {
            assertThat(client.next().path("type").asText()).isEqualTo("snapshot");
        }
    }

    /** A GET from another loopback address (a second client on the LAN, as the server sees it): the status line and headers. */
    private String rawGet(String from, String path) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getByName("127.0.0.1"), base.getPort(),
                java.net.InetAddress.getByName(from), 0)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + base.getPort()
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII));
            StringBuilder head = new StringBuilder();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                head.append(line).append('\n');
            }
            return head.toString();
        }
    }

    @Test
    void oneAddressCannotHoldMoreSocketsThanItsCap() throws InterruptedException {
        for (int i = 0; i < 50 && connections.open() > 0; i++) {
            Thread.sleep(100); // sockets of the tests before are still closing
        }
        assertThat(connections.open()).isZero();
        Map<Integer, Long> answers = statuses(attempts(45, i -> BoardClient.DEMO_KEY,
                null));
        assertThat(answers).containsEntry(101, 40L).containsEntry(429, 5L);
    }

    @Test
    void boardsJoiningByTheDozenDoNotDelayACallOnABoardAlreadyShowing() {
        Runnable before = BoardWelcomes.beforeCommit;
        List<WebSocket> joining = new ArrayList<>();
        try (BoardClient real = BoardClient.connect(base, board, null)) {
            real.next();
            String number = Api.issue(service).getString("number");
            // each welcome now takes a second to read: 30 of them held the feed for 30 s when it read them itself
            BoardWelcomes.beforeCommit = () -> sleep(1000);
            attempts(30, i -> BoardClient.DEMO_KEY, null)
                    .forEach(f -> joining.add(f.join()));
            assertCallReaches(real, number);
        } finally {
            BoardWelcomes.beforeCommit = before;
            joining.forEach(WebSocket::abort);
        }
    }

    /**
     * The board hears of a call within a second of the call's answer (from the answer: on a machine shared with
     * other builds the call itself may take that long, which is not the board's doing).
     */
    private void assertCallReaches(BoardClient real) {
        assertCallReaches(real, Api.issue(service).getString("number"));
    }

    private void assertCallReaches(BoardClient real, String number) {
        Api.callNext(counter).then().statusCode(200);
        long answeredAt = System.nanoTime();
        JsonNode message;
        do {
            message = real.next(Duration.ofSeconds(1));
        } while (!"called".equals(message.path("type").asText()));
        assertThat(message.path("number").asText()).isEqualTo(number);
        assertThat(Duration.ofNanos(System.nanoTime() - answeredAt)).isLessThan(Duration.ofSeconds(1));
    }

    /** n sockets to the board, each offering key(i) (none when null) as the board page does. */
    private List<CompletableFuture<WebSocket>> attempts(int n, Function<Integer, String> key, String origin) {
        return attempts(n, key, origin, BoardClient.uri(base, board, null));
    }

    private List<CompletableFuture<WebSocket>> attempts(int n, Function<Integer, String> key, String origin, URI uri) {
        List<CompletableFuture<WebSocket>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            WebSocket.Builder builder = BoardClient.offeringKey(http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)),
                    key.apply(i));
            if (origin != null) {
                builder.header("Origin", origin);
            }
            all.add(builder.buildAsync(uri, new WebSocket.Listener() {
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        return all;
    }

    /** How many attempts got which answer: 101 for an open socket (closed here), else the HTTP status. */
    private static Map<Integer, Long> statuses(List<CompletableFuture<WebSocket>> attempts) {
        return attempts.stream().collect(Collectors.groupingBy(f -> {
            try {
                f.join().abort();
                return 101;
            } catch (CompletionException e) {
                if (e.getCause() instanceof WebSocketHandshakeException refused) {
                    return refused.getResponse().statusCode();
                }
                throw e;
            }
        }, Collectors.counting()));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
