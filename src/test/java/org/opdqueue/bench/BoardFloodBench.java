package org.opdqueue.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 12, item 4, measured: a real board's call latency while thousands of anonymous sockets flood
 * {@code /ws/display}, the time a board joining in the middle of it waits for its snapshot, and how much the server
 * logged. The app runs as production does about boards (a board PC key required).
 * Run: {@code ./mvnw -B package -DskipTests && ./mvnw -B -q -Pbench exec:java -Dbench.main=BoardFloodBench}
 * ({@code -Dflood=5000 -Dcalls=20}; {@code -Dbench.jar=…/quarkus-run.jar} measures another build the same way).
 */
public final class BoardFloodBench {

    private static final Pattern CALLED = Pattern.compile("\"type\":\"called\".*?\"number\":\"([A-Z0-9-]+)\"");
    private static final String KEY = "BOARDA.demo-board-a";

    public static void main(String[] args) throws Exception {
        int flood = Integer.getInteger("flood", 5000);
        int calls = Integer.getInteger("calls", 20);
        int port = 18085;
        // a build from before board keys refuses the unknown property: -Dbench.args=-Dquarkus.log.level=WARN for it
        String appArgs = System.getProperty("bench.args", "-Dopd.display.board-key-required=true");
        try (BenchApp app = BenchApp.start(port, 13308, appArgs)) {
            run(app, Path.of("target/bench/app-" + port + ".log"), flood, calls);
        }
        System.exit(0);
    }

    static void run(BenchApp app, Path log, int flood, int calls) throws Exception {
        for (int i = 0; i < calls; i++) {
            app.post("/api/tokens", "{\"requestId\":\"" + UUID.randomUUID() + "\",\"serviceCode\":\"MED\"}");
        }
        String ws = app.base.replace("http", "ws") + "/ws/display/1";
        // the attacker is another machine: its sockets do not share a client (and its selector thread) with the boards
        HttpClient client = HttpClient.newHttpClient();
        HttpClient attacker = HttpClient.newHttpClient();
        Map<String, Long> receivedAt = new ConcurrentHashMap<>();
        CountDownLatch realSnapshot = new CountDownLatch(1);
        WebSocket real = org.opdqueue.support.BoardClient.offeringKey(client.newWebSocketBuilder(), KEY).buildAsync(URI.create(ws),
                listener(realSnapshot, receivedAt)).join();
        if (!realSnapshot.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the real board got no snapshot");
        }
        long logBefore = Files.size(log);

        long floodStarted = System.nanoTime();
        List<CompletableFuture<WebSocket>> attempts = new ArrayList<>();
        for (int i = 0; i < flood; i++) {
            attempts.add(attacker.newWebSocketBuilder().buildAsync(URI.create(ws), new WebSocket.Listener() {
            }));
        }
        double firedInMs = (System.nanoTime() - floodStarted) / 1e6;

        // a board joining in the middle of the flood, with its key
        long joinedAt = System.nanoTime();
        CountDownLatch newSnapshot = new CountDownLatch(1);
        org.opdqueue.support.BoardClient.offeringKey(HttpClient.newHttpClient().newWebSocketBuilder(), KEY).buildAsync(URI.create(ws),
                listener(newSnapshot, new ConcurrentHashMap<>()));

        Map<String, Long> answeredAt = new ConcurrentHashMap<>();
        Pattern number = Pattern.compile("\"number\":\"([A-Z0-9-]+)\"");
        Pattern id = Pattern.compile("\"id\":(\\d+)");
        for (int i = 0; i < calls; i++) {
            String body = app.post("/api/counters/1/call-next", null).body();
            long at = System.nanoTime();
            Matcher n = number.matcher(body);
            Matcher t = id.matcher(body);
            if (!n.find() || !t.find()) {
                throw new IllegalStateException("call-next answered " + body);
            }
            answeredAt.put(n.group(1), at);
            app.post("/api/tokens/" + t.group(1) + "/complete", null);
            Thread.sleep(100);
        }
        boolean joined = newSnapshot.await(120, TimeUnit.SECONDS);
        double snapshotMs = (System.nanoTime() - joinedAt) / 1e6;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (receivedAt.size() < calls && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        CompletableFuture.allOf(attempts.toArray(CompletableFuture[]::new)).exceptionally(e -> null)
                .get(120, TimeUnit.SECONDS);
        Map<String, Integer> answers = new TreeMap<>();
        for (CompletableFuture<WebSocket> attempt : attempts) {
            answers.merge(answer(attempt), 1, Integer::sum);
        }
        long[] latencies = answeredAt.entrySet().stream().filter(e -> receivedAt.containsKey(e.getKey()))
                .mapToLong(e -> Math.max(0, receivedAt.get(e.getKey()) - e.getValue())).toArray();
        System.out.printf("flood: %d anonymous sockets fired in %.0f ms; answers %s%n", flood, firedInMs, answers);
        System.out.printf("real board, call answered → board received: %s (%d of %d calls received)%n",
                Percentiles.ofNanos(latencies), latencies.length, calls);
        System.out.printf("board joining during the flood: snapshot after %s%n",
                joined ? String.format("%.0f ms", snapshotMs) : "none within 120 s");
        // the flood's sockets go as abruptly as they came
        attempts.stream().filter(a -> !a.isCompletedExceptionally()).forEach(a -> a.join().abort());
        real.abort();
        Thread.sleep(5000);
        long errors = Files.readAllLines(log).stream().filter(l -> l.contains(" ERROR ")).count();
        System.out.printf("server log from the flood to 5 s after it went: %d bytes, %d ERROR lines in the whole log%n",
                Files.size(log) - logBefore, errors);
    }

    private static String answer(CompletableFuture<WebSocket> attempt) {
        try {
            attempt.join();
            return "101 open";
        } catch (RuntimeException e) {
            Throwable cause = e.getCause();
            return cause instanceof WebSocketHandshakeException refused ? refused.getResponse().statusCode() + " refused"
                    : "failed: " + (cause == null ? e : cause).getClass().getSimpleName();
        }
    }

    private static WebSocket.Listener listener(CountDownLatch snapshot, Map<String, Long> receivedAt) {
        return new WebSocket.Listener() {
            final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                long now = System.nanoTime();
                partial.append(data);
                if (last) {
                    String text = partial.toString();
                    partial.setLength(0);
                    if (text.startsWith("{\"type\":\"snapshot\"")) {
                        snapshot.countDown();
                    }
                    Matcher m = CALLED.matcher(text);
                    if (m.find()) {
                        receivedAt.putIfAbsent(m.group(1), now);
                    }
                }
                socket.request(1);
                return null;
            }
        };
    }

    private BoardFloodBench() {
    }
}
