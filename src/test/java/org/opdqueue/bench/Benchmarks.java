package org.opdqueue.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * All of SPEC §6 in one run, against the packaged app on an embedded MariaDB with production durability
 * (every commit flushed, binary log synced). Writes target/bench/results.md and results.csv and prints the table.
 * Run: {@code ./mvnw -B package -DskipTests && ./mvnw -B -q -Pbench exec:java -Dbench.main=Benchmarks}
 */
public final class Benchmarks {

    static final String DURABLE = "-Dopd.embedded-db.server-args=--innodb-flush-log-at-trx-commit=1,--log-bin=opd-bin,"
            + "--sync-binlog=1,--max-connections=1000";
    static final int REPEATS = Integer.getInteger("repeats", 3);
    static final Duration RUN = Duration.ofSeconds(Integer.getInteger("seconds", 5));
    /** Which parts to run (all by default), e.g. {@code -Dbench.parts=issue,memory} while working on one of them. */
    static final List<String> PARTS = List.of(System.getProperty("bench.parts", "board,merge,issue,memory,startup").split(","));
    static final int[] CLIENTS = java.util.Arrays.stream(System.getProperty("bench.clients", "1,16,64,256").split(","))
            .mapToInt(Integer::parseInt).toArray();

    private final List<String[]> rows = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        new Benchmarks().run();
        System.exit(0);
    }

    private void run() throws Exception {
        int dbPort = 13310;
        try (BenchApp app = BenchApp.start(18090, dbPort, DURABLE, BoardLatencyBench.MANY_BOARDS[0],
                BoardLatencyBench.MANY_BOARDS[1])) {
            if (PARTS.contains("board")) {
                board(app);
            }
            if (PARTS.contains("merge")) {
                merge(app);
            }
            if (PARTS.contains("issue")) {
                issue(app);
            }
            if (PARTS.contains("memory")) {
                double rss = app.rssMiB();
                row("memory after the issue runs", "RSS MiB", String.format(Locale.ROOT, "%.0f", rss), "< 300 MB", rss < 300);
            }
            if (PARTS.contains("startup")) {
                startup(dbPort);
            }
        }
        write();
    }

    private void board(BenchApp app) throws Exception {
        Percentiles board = BoardLatencyBench.run(app, Integer.getInteger("boards", 1000), Integer.getInteger("calls", 1000));
        row("call → board receipt, 1,000 boards, 1,000 calls", "p50 / p95 / p99 ms",
                String.format(Locale.ROOT, "%.1f / %.1f / %.1f", board.p50(), board.p95(), board.p99()), "p99 < 50 ms",
                board.p99() < 50);
    }

    private void merge(BenchApp app) throws Exception {
        OfflineMergeBench.Result merge = OfflineMergeBench.run(app);
        row("offline merge, 3,000 tokens from 10 kiosks", "seconds; lost; duplicated",
                String.format(Locale.ROOT, "%.2f s; %d; %d", merge.seconds(), merge.lost(), merge.duplicated()),
                "< 10 s, 0, 0", merge.seconds() < 10 && merge.lost() == 0 && merge.duplicated() == 0);
    }

    private void issue(BenchApp app) throws Exception {
        for (int clients : CLIENTS) {
            IssueThroughputBench.Run api = median(REPEATS, () -> IssueThroughputBench.api(app, clients, RUN));
            IssueThroughputBench.Run jdbc = median(REPEATS, () -> IssueThroughputBench.jdbc(app, clients, RUN));
            double ratio = api.perSecond() / jdbc.perSecond();
            row("issue, " + clients + " clients, 6 services", "tokens/s (p50 / p95 / p99 ms); raw JDBC tokens/s; ratio",
                    String.format(Locale.ROOT, "%.0f (%.1f / %.1f / %.1f); %.0f; %.0f %%%s", api.perSecond(),
                            api.latency().p50(), api.latency().p95(), api.latency().p99(), jdbc.perSecond(), ratio * 100,
                            api.errors() > 0 ? "; " + api.errors() + " errors" : ""),
                    clients == 64 ? "≥ 2,000/s, p99 < 50 ms, ≥ 50 % of JDBC" : "",
                    clients == 64 ? api.perSecond() >= 2000 && api.latency().p99() < 50 && ratio >= 0.5 : null);
        }
    }

    private void startup(int dbPort) throws Exception {
        List<Double> startups = new ArrayList<>();
        for (int i = 0; i < REPEATS; i++) {
            try (BenchApp again = BenchApp.startAgainst(18091, dbPort)) {
                startups.add((again.readyAt - again.startedAt) / 1e9);
            }
        }
        startups.sort(Comparator.naturalOrder());
        double startup = startups.get(startups.size() / 2);
        row("start-up to /q/health/ready UP (database already running)", "seconds",
                String.format(Locale.ROOT, "%.2f", startup), "< 3 s", startup < 3);
    }

    interface Measure {
        IssueThroughputBench.Run run() throws Exception;
    }

    private static IssueThroughputBench.Run median(int repeats, Measure measure) throws Exception {
        List<IssueThroughputBench.Run> runs = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            runs.add(measure.run());
        }
        runs.sort(Comparator.comparingDouble(IssueThroughputBench.Run::perSecond));
        return runs.get(runs.size() / 2);
    }

    private void row(String what, String unit, String value, String target, Boolean met) {
        rows.add(new String[] { what, unit, value, target, met == null ? "" : met ? "met" : "missed" });
        System.out.printf("%-60s %s%n", what, value);
    }

    private void write() throws IOException {
        Path dir = Path.of("target/bench");
        Files.createDirectories(dir);
        StringBuilder md = new StringBuilder();
        md.append("Benchmarks of ").append(LocalDate.now()).append(" on ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, ").append(Runtime.getRuntime().maxMemory() / (1 << 20)).append(" MiB max heap of the runner; ")
                .append("median of ").append(REPEATS).append(" runs of ").append(RUN.toSeconds()).append(" s for throughput\n\n");
        md.append("| what | unit | measured | target | |\n|---|---|---|---|---|\n");
        StringBuilder csv = new StringBuilder("what,unit,measured,target,verdict\n");
        for (String[] r : rows) {
            md.append("| ").append(String.join(" | ", r)).append(" |\n");
            csv.append('"').append(String.join("\",\"", r)).append("\"\n");
        }
        Files.writeString(dir.resolve("results.md"), md);
        Files.writeString(dir.resolve("results.csv"), csv);
        System.out.println();
        System.out.println(md);
    }

    private Benchmarks() {
    }
}
