package org.opdqueue.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reads every kiosk, board and console polls, at 64 connections with {@code wrk} (a C load generator: apt-get
 * install wrk), against the packaged app with a few thousand tokens waiting in MED: requests per second, latency,
 * answer size and the server's CPU per request ({@code /proc/<pid>/stat}, the app's own process).
 * Run: {@code ./mvnw -B package -DskipTests && ./mvnw -B -q -Pbench exec:java -Dbench.main=ReadsBench}
 * ({@code -Dbench.jar=<other quarkus-run.jar>} measures another build the same way).
 */
public final class ReadsBench {

    /** wrk reads the board snapshot from one address, far beyond a board PC's 60 a minute: the limit is not what is measured. */
    static final String SNAPSHOTS_UNLIMITED = "-Dopd.display.snapshots-per-address-per-minute=100000000";
    static final List<String> READS = List.of("/api/services", "/api/counters", "/api/display/1", "/api/queues/MED");
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
    private static final Pattern P50 = Pattern.compile("50%\\s+([0-9.]+)(us|ms|s)");
    private static final Pattern P99 = Pattern.compile("99%\\s+([0-9.]+)(us|ms|s)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    public static void main(String[] args) throws Exception {
        int waiting = Integer.getInteger("waiting", 3000);
        int seconds = Integer.getInteger("seconds", 10);
        try (BenchApp app = BenchApp.start(18100, 13327, Benchmarks.DURABLE, SNAPSHOTS_UNLIMITED)) {
            issue(app, "MED", waiting);
            System.out.printf("%d waiting in MED; wrk -t2 -c64 -d%ds per read%n", waiting, seconds);
            System.out.println("| read | requests/s | p50 / p99 ms | bytes | errors | server CPU ms per request |");
            System.out.println("|---|---|---|---|---|---|");
            for (String path : READS) {
                wrk(app, path, 3); // warm-up of them all first, so the first measured does not pay for compiling
            }
            for (String path : READS) {
                long cpu = BoardFanOutBench.cpuMillis(app.pid());
                String out = wrk(app, path, seconds);
                cpu = BoardFanOutBench.cpuMillis(app.pid()) - cpu;
                long requests = Long.parseLong(find(TOTAL, out));
                String errors = NON_2XX.matcher(out).find() ? find(NON_2XX, out) : "0";
                System.out.printf("| GET %s | %s | %.1f / %.1f | %d | %s | %.3f |%n", path, find(RATE, out),
                        millis(P50, out), millis(P99, out), app.get(path).body().getBytes().length, errors,
                        (double) cpu / requests);
            }
            System.out.printf("RSS after the reads: %.0f MiB%n", app.rssMiB());
        }
        System.exit(0);
    }

    /** Tokens issued by the demo counter user from 16 threads. */
    private static void issue(BenchApp app, String service, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            done.add(pool.submit(() -> app.post("/api/tokens",
                    "{\"requestId\":\"" + UUID.randomUUID() + "\",\"serviceCode\":\"" + service + "\"}")));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
    }

    private static String wrk(BenchApp app, String path, int seconds) throws IOException, InterruptedException {
        Process wrk = new ProcessBuilder("wrk", "-t2", "-c64", "-d" + seconds + "s", "--latency", app.base + path)
                .redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes());
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed (apt-get install wrk): " + out);
        }
        return out;
    }

    private static String find(Pattern p, String text) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + p + " in wrk's output: " + text);
        }
        return m.group(1);
    }

    private static double millis(Pattern p, String text) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    private ReadsBench() {
    }
}
