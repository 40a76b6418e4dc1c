package org.opdqueue.bench;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 12 item 14, measured with real processes: the demo on a durable embedded MariaDB, a burst of 600 issues
 * from 64 clients, and a quarter of the way in the real mariadbd is killed (SIGKILL, then started again with
 * crash recovery) or frozen (SIGSTOP until the burst is answered and 2 s more, then SIGCONT). Per run: answers by status, the slowest refusal,
 * how long until /api/status said DEGRADED; then every request id is sent again until it has a token, and lost
 * (an acknowledged token that a retry does not give back) and doubled (two tokens for one request id) are counted.
 * Run: {@code ./mvnw -B package -DskipTests && ./mvnw -B -q -Pbench exec:java -Dbench.main=DatabaseFaultDrill
 * -Druns=20 -Dfaults=kill,freeze}
 */
public final class DatabaseFaultDrill {

    static final int ISSUES = 600;
    static final int CLIENTS = 64;
    static final int RUNS = Integer.getInteger("runs", 20);

    /** mariadbd processes this drill started again after a kill: stopped at the end. */
    private static final List<Process> RESTARTED = new ArrayList<>();

    private record Answer(String requestId, String body, int status, String text, long millis) {
    }

    public static void main(String[] args) throws Exception {
        int dbPort = 13340;
        List<String> faults = List.of(System.getProperty("faults", "kill,freeze").split(","));
        try (BenchApp app = BenchApp.start(18097, dbPort, Benchmarks.DURABLE)) {
            for (String fault : faults) {
                List<String> rows = new ArrayList<>();
                for (int run = 1; run <= RUNS; run++) {
                    String row = run(app, dbPort, fault, run);
                    System.out.println(row);
                    rows.add(row);
                }
                summary(fault, rows);
            }
        } finally {
            RESTARTED.forEach(Process::destroy);
        }
        System.exit(0);
    }

    private static String run(BenchApp app, int dbPort, String fault, int run) throws Exception {
        awaitMode(app, "NORMAL", 120);
        String service = run % 2 == 0 ? "MED" : "ENT";
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        AtomicInteger created = new AtomicInteger();
        AtomicBoolean faulted = new AtomicBoolean();
        CompletableFuture<Long> degradedAfter = new CompletableFuture<>();
        ProcessHandle[] mariadb = new ProcessHandle[1];
        List<String> command = new ArrayList<>();
        List<CompletableFuture<Answer>> futures = new ArrayList<>();
        for (int i = 0; i < ISSUES; i++) {
            String requestId = UUID.randomUUID().toString();
            String body = "{\"requestId\":\"" + requestId + "\",\"serviceCode\":\"" + service + "\",\"channel\":\"KIOSK\"}";
            futures.add(CompletableFuture.supplyAsync(() -> {
                Answer a = send(http, app, requestId, body);
                if (a.status() == 201 && created.incrementAndGet() == ISSUES / 4 && faulted.compareAndSet(false, true)) {
                    mariadb[0] = mariadbd(dbPort);
                    command.add(mariadb[0].info().command().orElseThrow());
                    command.addAll(List.of(mariadb[0].info().arguments().orElseThrow()));
                    long at = System.nanoTime();
                    if (fault.equals("kill")) {
                        mariadb[0].destroyForcibly();
                    } else {
                        signal("-STOP", mariadb[0].pid());
                    }
                    CompletableFuture.runAsync(() -> degradedAfter.complete(untilDegraded(app, at)));
                }
                return a;
            }, clients));
        }
        List<Answer> answers = new ArrayList<>();
        for (CompletableFuture<Answer> f : futures) {
            answers.add(f.get());
        }
        clients.shutdown();
        if (!faulted.get()) {
            return String.format("%s run %2d: fewer than %d issued, no fault injected", fault, run, ISSUES / 4);
        }
        if (fault.equals("kill")) {
            mariadb[0].onExit().join();
            RESTARTED.add(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/bench/fault-drill-mariadb.log"))).start());
        } else {
            Thread.sleep(2_000); // frozen about 5 s in all: the burst outlasts the freeze by its refusals
            signal("-CONT", mariadb[0].pid());
        }
        long toDegraded = degradedAfter.get(60, TimeUnit.SECONDS);
        awaitMode(app, "NORMAL", 180);

        Map<String, Integer> byStatus = new java.util.TreeMap<>();
        long slowestFailure = 0;
        for (Answer a : answers) {
            String key = a.status() + (a.status() == 503 ? " " + type(a.text()) : "");
            byStatus.merge(key, 1, Integer::sum);
            if (a.status() != 201) {
                slowestFailure = Math.max(slowestFailure, a.millis());
            }
        }
        // every client sends its request again with the same id until it has a token
        int lost = 0;
        Set<String> tokens = new HashSet<>();
        int doubled = 0;
        for (Answer a : answers) {
            Answer again = send(http, app, a.requestId(), a.body());
            for (int i = 0; i < 100 && again.status() != 200 && again.status() != 201; i++) {
                Thread.sleep(200);
                again = send(http, app, a.requestId(), a.body());
            }
            String id = tokenId(again.text());
            if (a.status() == 201 && !tokenId(a.text()).equals(id)) {
                lost++;
            }
            if (!tokens.add(id)) {
                doubled++;
            }
        }
        long withRequestIdButNoKey = countTokensWithoutKey(app);
        return String.format("%s run %2d: 500s %d, slowest failure %5d ms, DEGRADED after %5d ms, answers %s, "
                + "lost %d, doubled %d, tokens without a request id %d", fault, run, byStatus.getOrDefault("500", 0),
                slowestFailure, toDegraded, byStatus, lost, doubled, withRequestIdButNoKey);
    }

    private static void summary(String fault, List<String> rows) {
        List<Integer> fivehundreds = numbers(rows, "500s (\\d+)");
        List<Integer> slowest = numbers(rows, "slowest failure\\s+(\\d+)");
        List<Integer> degraded = numbers(rows, "DEGRADED after\\s+(\\d+)");
        List<Integer> lost = numbers(rows, "lost (\\d+)");
        List<Integer> doubled = numbers(rows, "doubled (\\d+)");
        System.out.printf("SUMMARY %s, %d runs: 500s total %d (runs with any: %d); slowest failure median %d ms, max %d ms; "
                + "DEGRADED after median %d ms, max %d ms; lost %d; doubled %d%n", fault, slowest.size(),
                fivehundreds.stream().mapToInt(Integer::intValue).sum(), fivehundreds.stream().filter(n -> n > 0).count(),
                median(slowest), slowest.stream().mapToInt(Integer::intValue).max().orElse(0), median(degraded),
                degraded.stream().mapToInt(Integer::intValue).max().orElse(0),
                lost.stream().mapToInt(Integer::intValue).sum(), doubled.stream().mapToInt(Integer::intValue).sum());
    }

    private static List<Integer> numbers(List<String> rows, String regex) {
        Pattern p = Pattern.compile(regex);
        List<Integer> found = new ArrayList<>();
        for (String row : rows) {
            Matcher m = p.matcher(row);
            if (m.find()) {
                found.add(Integer.parseInt(m.group(1)));
            }
        }
        return found;
    }

    private static int median(List<Integer> values) {
        List<Integer> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }

    private static Answer send(HttpClient http, BenchApp app, String requestId, String body) {
        long began = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(app.base + "/api/tokens"))
                    .header("content-type", "application/json").timeout(Duration.ofSeconds(120))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(requestId, body, r.statusCode(), r.body(), (System.nanoTime() - began) / 1_000_000);
        } catch (Exception e) {
            return new Answer(requestId, body, -1, String.valueOf(e), (System.nanoTime() - began) / 1_000_000);
        }
    }

    private static String type(String problem) {
        Matcher m = Pattern.compile("\"type\":\"/problems/([a-z-]+)\"").matcher(problem);
        return m.find() ? m.group(1) : "?";
    }

    private static String tokenId(String token) {
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(token);
        return m.find() ? m.group(1) : "none:" + UUID.randomUUID();
    }

    private static long countTokensWithoutKey(BenchApp app) throws Exception {
        try (var db = app.database(); var s = db.createStatement();
                var rs = s.executeQuery("SELECT COUNT(*) FROM token t WHERE t.channel = 'KIOSK' AND NOT EXISTS "
                        + "(SELECT 1 FROM idempotency_key k WHERE k.token_id = t.id)")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long untilDegraded(BenchApp app, long since) {
        Pattern degraded = Pattern.compile("\"mode\":\"DEGRADED\"");
        for (int i = 0; i < 1200; i++) {
            try {
                if (degraded.matcher(app.get("/api/status").body()).find()) {
                    return (System.nanoTime() - since) / 1_000_000;
                }
                Thread.sleep(20);
            } catch (Exception e) {
                // keep asking
            }
        }
        return -1;
    }

    private static void awaitMode(BenchApp app, String mode, int seconds) throws Exception {
        Pattern p = Pattern.compile("\"mode\":\"" + mode + "\"");
        for (int i = 0; i < seconds * 10; i++) {
            try {
                if (p.matcher(app.get("/api/status").body()).find()) {
                    return;
                }
            } catch (java.io.IOException e) {
                // keep asking
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("mode " + mode + " not reached within " + seconds + " s");
    }

    private static ProcessHandle mariadbd(int port) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("mariadbd")
                        && p.info().commandLine().orElse("").contains("--port=" + port))
                .findFirst().orElseThrow(() -> new IllegalStateException("mariadbd on port " + port + " not found"));
    }

    private static void signal(String signal, long pid) {
        try {
            new ProcessBuilder("kill", signal, String.valueOf(pid)).inheritIO().start().waitFor();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private DatabaseFaultDrill() {
    }
}
