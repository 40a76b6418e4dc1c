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
    /**
     * The issue runs send every token from one enrolled kiosk, far beyond a real kiosk's per-minute limit
     * (opd.issuing.kiosk.per-minute): that limit is raised for the benchmark, and the table says so.
     */
    static final String KIOSK_LIMIT_RAISED = "-Dopd.issuing.kiosk.per-minute=1000000000";
    /** Who issues in the issue runs: an enrolled kiosk (default) or a registration clerk by HTTP Basic ({@code staff}). */
    static final String ISSUER = System.getProperty("bench.issuer", "kiosk");
    static final int REPEATS = Integer.getInteger("repeats", 3);
    static final Duration RUN = Duration.ofSeconds(Integer.getInteger("seconds", 5));
    /** How long wrk warms the app up before the issue runs ({@code -Dbench.warmup=30}): under load the JIT needs longer. */
    static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warmup", (int) RUN.toSeconds()));
    /** {@code -Dbench.warmup-paced=true}: the warm-up at about a third of the server's pace (IssueThroughputBench.PACED_SCRIPT). */
    static final boolean WARM_UP_PACED = Boolean.getBoolean("bench.warmup-paced");
    /** Which parts to run (all by default), e.g. {@code -Dbench.parts=issue,memory} while working on one of them. */
    static final List<String> PARTS = List.of(System.getProperty("bench.parts", "board,merge,issue,memory,startup").split(","));
    static final int[] CLIENTS = java.util.Arrays.stream(System.getProperty("bench.clients", "1,16,64,256").split(","))
            .mapToInt(Integer::parseInt).toArray();

    private static final String LOAD_AT_START = loadAverage();

    private final List<String[]> rows = new ArrayList<>();

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    public static void main(String[] args) throws Exception {
        new Benchmarks().run();
        System.exit(0);
    }

    private void run() throws Exception {
        // other work trees run the same benchmarks on this machine: -Dbench.port=… moves this run's three ports
        int dbPort = Integer.getInteger("bench.port", 18090) - 18090 + 13310;
        try (BenchApp app = BenchApp.start(Integer.getInteger("bench.port", 18090), dbPort, DURABLE, KIOSK_LIMIT_RAISED, BoardLatencyBench.MANY_BOARDS[0],
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
                row("memory after the issue runs", "RSS MiB", String.format(Locale.ROOT, "%.0f", rss), "< 300 MB", rss < 300,
                        "");
                nativeMemory(app);
            }
            if (PARTS.contains("startup")) {
                startup(dbPort);
            }
        }
        write();
    }

    private void board(BenchApp app) throws Exception {
        int calls = Integer.getInteger("calls", 1000);
        Cpu.Meter meter = app.cpuMeter();
        double generator = Cpu.millis(ProcessHandle.current().pid());
        Percentiles board = BoardLatencyBench.run(app, Integer.getInteger("boards", 1000), calls);
        Cpu.Spent cpu = meter.stop(Cpu.millis(ProcessHandle.current().pid()) - generator);
        row("call → board receipt, 1,000 boards, 1,000 calls", "p50 / p95 / p99 ms",
                String.format(Locale.ROOT, "%.1f / %.1f / %.1f", board.p50(), board.p95(), board.p99()), "p99 < 50 ms",
                board.p99() < 50, cpu.perOperation(calls) + " per call (with connecting the boards)");
    }

    private void merge(BenchApp app) throws Exception {
        Cpu.Meter meter = app.cpuMeter();
        double generator = Cpu.millis(ProcessHandle.current().pid());
        OfflineMergeBench.Result merge = OfflineMergeBench.run(app);
        Cpu.Spent cpu = meter.stop(Cpu.millis(ProcessHandle.current().pid()) - generator);
        row("offline merge, 3,000 tokens from 10 kiosks", "seconds; lost; duplicated",
                String.format(Locale.ROOT, "%.2f s; %d; %d", merge.seconds(), merge.lost(), merge.duplicated()),
                "< 10 s, 0, 0", merge.seconds() < 10 && merge.lost() == 0 && merge.duplicated() == 0,
                cpu.perOperation(merge.tokens()) + " per token (with setting up and checking)");
    }

    /**
     * Issue throughput with wrk at each number of connections (median of the repeats), beside the same writes by raw
     * JDBC from this JVM; at 64 connections each SPEC §6 target is a row of its own.
     */
    private void issue(BenchApp app) throws Exception {
        String authorization = ISSUER.equals("staff") ? IssueThroughputBench.CLERK
                : "Device " + OfflineMergeBench.enrolKiosks(app, "WRK", 1).get(0);
        String issuer = ISSUER.equals("staff") ? "a clerk by HTTP Basic" : "one kiosk, its per-minute limit raised";
        IssueThroughputBench.wrk(app, authorization, 64, WARM_UP, // warm-up, not counted
                WARM_UP_PACED ? IssueThroughputBench.PACED_SCRIPT : IssueThroughputBench.WRK_SCRIPT);
        if (!PROFILE.isEmpty()) {
            jcmd(app, "JFR.start", "name=issue", "settings=profile", "filename=" + PROFILE);
        }
        for (int clients : CLIENTS) {
            IssueThroughputBench.Run api = median(REPEATS, () -> IssueThroughputBench.wrk(app, authorization, clients, RUN));
            IssueThroughputBench.Run jdbc = median(REPEATS, () -> IssueThroughputBench.jdbc(app, clients, RUN));
            double ratio = api.perSecond() / jdbc.perSecond();
            String errors = api.errors() > 0 ? "; " + api.errors() + " not 201" : "";
            String what = "issue, " + clients + " connections (wrk), " + issuer;
            if (clients != 64) {
                row(what, "tokens/s (p50 / p95 / p99 ms); raw JDBC tokens/s; ratio",
                        String.format(Locale.ROOT, "%.0f (%.1f / %.1f / %.1f); %.0f; %.0f %%%s", api.perSecond(),
                                api.latency().p50(), api.latency().p95(), api.latency().p99(), jdbc.perSecond(),
                                ratio * 100, errors), "", null, api.cpuPerToken());
                continue;
            }
            row(what, "tokens/s", String.format(Locale.ROOT, "%.0f%s", api.perSecond(), errors), "≥ 2,000",
                    api.perSecond() >= 2000 && api.errors() == 0, api.cpuPerToken());
            row(what, "p50 / p95 / p99 ms", String.format(Locale.ROOT, "%.1f / %.1f / %.1f", api.latency().p50(),
                    api.latency().p95(), api.latency().p99()), "p99 < 50 ms", api.latency().p99() < 50, api.cpuPerToken());
            row("raw JDBC, 64 clients, same writes, one transaction each", "tokens/s",
                    String.format(Locale.ROOT, "%.0f", jdbc.perSecond()), "", null, jdbc.cpuPerToken());
            row("issue ÷ raw JDBC, 64", "%", String.format(Locale.ROOT, "%.0f", ratio * 100), "≥ 50 %", ratio >= 0.5,
                    "");
            double serverCpu = api.cpu().server() / Math.max(1, api.tokens());
            row("server CPU per issued token, 64", "ms", String.format(Locale.ROOT, "%.2f", serverCpu), "≤ 0.5",
                    serverCpu <= 0.5, api.cpuPerToken());
        }
        if (!PROFILE.isEmpty()) {
            jcmd(app, "JFR.stop", "name=issue");
            System.out.println("profile of the issue runs (after warm-up): " + PROFILE
                    + "; jfr print --events jdk.ExecutionSample " + PROFILE);
        }
    }

    /**
     * {@code -Dbench.profile=target/bench/issue.jfr}: a JFR recording of the app over the measured issue runs only
     * (start-up and warm-up left out).
     */
    static final String PROFILE = System.getProperty("bench.profile", "");

    private static String jcmd(BenchApp app, String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(app.pid())));
        args.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(args).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes());
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": " + out);
        }
        return out;
    }

    /**
     * With {@code -Dbench.jvm=-XX:NativeMemoryTracking=summary}: where the app's memory besides the heap is, written to
     * target/bench/native-memory.txt (what the JVM itself allocated; the RSS above it is malloc's and the libraries').
     */
    private static void nativeMemory(BenchApp app) throws Exception {
        if (System.getProperty("bench.jvm", "").contains("NativeMemoryTracking")) {
            Path out = Path.of("target/bench/native-memory.txt");
            // with the heap's generations and what of the metaspace is used, which NMT counts only as committed
            Files.writeString(out, jcmd(app, "VM.native_memory", "summary") + "\n" + jcmd(app, "GC.heap_info")
                    + "\n" + jcmd(app, "VM.metaspace", "basic") + "\n" + gcCounts(app) + "\nRSS " + app.rssMiB() + " MiB\n");
            System.out.println("native memory tracking after the runs: " + out);
        }
    }

    /** {@code jstat -gc}: how many young and full collections the runs cost, and their time, beside the heap's sizes. */
    private static String gcCounts(BenchApp app) throws Exception {
        Process jstat = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstat").toString(), "-gc",
                Long.toString(app.pid())).redirectErrorStream(true).start();
        String out = new String(jstat.getInputStream().readAllBytes());
        jstat.waitFor();
        return out;
    }

    /** Start-up wall time and the CPU the process spent to get there (median of the repeats, each by itself). */
    private void startup(int dbPort) throws Exception {
        List<Double> startups = new ArrayList<>();
        List<Double> cpus = new ArrayList<>();
        int port = Integer.getInteger("bench.port", 18090) + 1;
        BenchApp.forgetTraining();
        if (Boolean.parseBoolean(System.getProperty("bench.train-archive", "true"))) {
            // as an install does it: the class-data archive of one start; the measured starts then use it
            BenchApp.writeClassArchive(port, dbPort);
        }
        for (int i = 0; i < REPEATS; i++) {
            try (BenchApp again = BenchApp.startAgainst(port, dbPort)) {
                startups.add((again.readyAt - again.startedAt) / 1e9);
                cpus.add(again.cpuAtReady / 1000);
            }
        }
        startups.sort(Comparator.naturalOrder());
        cpus.sort(Comparator.naturalOrder());
        double startup = startups.get(startups.size() / 2);
        row("start-up to /q/health/ready UP (database already running)", "seconds (CPU seconds)",
                String.format(Locale.ROOT, "%.2f (%.2f CPU)", startup, cpus.get(cpus.size() / 2)), "< 3 s", startup < 3,
                "");
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

    /** @param cpu CPU ms per operation, "server / database / load generator" (blank where there is no operation) */
    private void row(String what, String unit, String value, String target, Boolean met, String cpu) {
        rows.add(new String[] { what, unit, value, target, met == null ? "" : met ? "met" : "missed", cpu });
        System.out.printf("%-70s %-28s %-10s %-7s %s%n", what, value, target, met == null ? "" : met ? "met" : "missed",
                cpu);
    }

    private void write() throws IOException {
        Path dir = Path.of("target/bench");
        Files.createDirectories(dir);
        StringBuilder md = new StringBuilder();
        md.append("Benchmarks of ").append(LocalDate.now()).append(" on ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, ").append(Runtime.getRuntime().maxMemory() / (1 << 20)).append(" MiB max heap of the runner; ")
                .append("median of ").append(REPEATS).append(" runs of ").append(RUN.toSeconds()).append(" s for throughput; load average when it started ")
                .append(LOAD_AT_START).append(" (above 2, other work shared these cores)\n\n");
        md.append("| what | unit | measured | target | | CPU ms per op: server / database / load generator |\n")
                .append("|---|---|---|---|---|---|\n");
        StringBuilder csv = new StringBuilder("what,unit,measured,target,verdict,cpu ms per op (server / database / generator)\n");
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
