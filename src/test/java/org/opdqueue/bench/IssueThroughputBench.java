package org.opdqueue.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue throughput: clients in closed loops issuing tokens over six services for a fixed time, through the API;
 * and the same writes (number bump, token, idempotency key, journal entry, waiting count, one transaction each) done
 * by raw JDBC on the same database, which is the limit the API is compared with.
 */
final class IssueThroughputBench {

    static final String[] SERVICES = { "MED", "ORTH", "ENT", "PAED", "GYN", "LAB" };

    record Run(String what, int clients, long tokens, double seconds, long errors, Percentiles latency, Cpu.Spent cpu) {
        double perSecond() {
            return tokens / seconds;
        }

        /** CPU milliseconds per token: server / database / load generator. */
        String cpuPerToken() {
            return cpu.perOperation(tokens);
        }
    }

    /** The wrk script that issues; it prints one "BENCH created=… p99=…" line. */
    static final Path WRK_SCRIPT = Path.of("src/test/resources/bench/issue-tokens.lua");
    private static final Pattern WRK_SUMMARY = Pattern.compile(
            "BENCH created=(\\d+) replayed=(\\d+) refused=(\\d+) socket_errors=(\\d+) seconds=([\\d.]+) "
                    + "p50=([\\d.]+) p95=([\\d.]+) p99=([\\d.]+) max=([\\d.]+)");
    /** bash's {@code times}: the second line is the CPU its children (wrk) used, user then system. */
    private static final Pattern CHILD_TIMES = Pattern.compile("(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s\\s*$");

    /**
     * Issue through the API with wrk (a C load generator, so the generator takes little of the server's two cores):
     * {@code connections} keep-alive connections, each sending its next request as soon as the last is answered.
     * Every request has a requestId of its own, so every answer should be a 201.
     */
    static Run wrk(BenchApp app, String authorization, int connections, Duration duration) throws Exception {
        return wrk(app, authorization, connections, duration, WRK_SCRIPT);
    }

    /**
     * The issue script with a pause of 64 ms before each request of a connection (wrk's {@code delay()}): about a third
     * of what the server takes at 64 connections, for a warm-up that leaves the JIT compilers CPU to finish (as a
     * morning's traffic does, which never fills the cores).
     */
    static final Path PACED_SCRIPT = Path.of("src/test/resources/bench/issue-tokens-paced.lua");

    /** As {@link #wrk(BenchApp, String, int, Duration)} with another wrk script. */
    static Run wrk(BenchApp app, String authorization, int connections, Duration duration, Path script)
            throws Exception {
        String run = String.format("%08x", (int) (System.nanoTime() ^ (System.currentTimeMillis() << 7)));
        int threads = Math.min(2, connections);
        String command = String.join(" ", "wrk", "-t" + threads, "-c" + connections, "-d" + duration.toSeconds() + "s",
                "--timeout", "10s", "-s", script.toString(), app.base, "--", run, "'" + authorization + "'")
                + "; times";
        Cpu.Meter meter = app.cpuMeter();
        Map<String, Double> threadsBefore = Cpu.byThread(app.pid());
        Map<String, Long> statementsBefore = statements(app);
        boolean digests = digestsOn(app);
        Process wrk = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        wrk.waitFor();
        Matcher summary = WRK_SUMMARY.matcher(out);
        String[] lines = out.strip().split("\n");
        Matcher times = CHILD_TIMES.matcher(lines[lines.length - 1]);
        if (!summary.find() || !times.find()) {
            throw new IllegalStateException("wrk said: " + out);
        }
        double generator = (Long.parseLong(times.group(1)) * 60 + Double.parseDouble(times.group(2))
                + Long.parseLong(times.group(3)) * 60 + Double.parseDouble(times.group(4))) * 1000;
        Cpu.Spent cpu = meter.stop(generator);
        long created = Long.parseLong(summary.group(1));
        System.out.println("wrk, " + connections + " connections: " + created + " tokens; server CPU ms per token by thread: "
                + Cpu.topThreads(threadsBefore, Cpu.byThread(app.pid()), created, 8));
        System.out.println("wrk, " + connections + " connections: database statements per token: "
                + perToken(statementsBefore, statements(app), created));
        if (digests) {
            System.out.println("wrk, " + connections + " connections: database time by statement\n" + digests(app, created));
        }
        long errors = Long.parseLong(summary.group(2)) + Long.parseLong(summary.group(3)) + Long.parseLong(summary.group(4));
        if (errors > 0) {
            System.out.println("wrk, " + connections + " connections: " + errors + " answers other than 201; "
                    + out.lines().filter(l -> l.startsWith("BENCH first refusal")).findFirst().orElse(""));
        }
        return new Run("API", connections, created, Double.parseDouble(summary.group(5)), errors,
                new Percentiles((int) created, Double.parseDouble(summary.group(6)), Double.parseDouble(summary.group(7)),
                        Double.parseDouble(summary.group(8)), Double.parseDouble(summary.group(9))), cpu);
    }

    /**
     * The database's statement counters (SHOW GLOBAL STATUS), to count the statements and round trips a token costs,
     * and the bytes it writes to its redo log and binary log (what a replica and the disk are sent).
     */
    private static Map<String, Long> statements(BenchApp app) throws Exception {
        Map<String, Long> counts = new java.util.TreeMap<>();
        try (Connection db = app.database(); Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "SHOW GLOBAL STATUS WHERE Variable_name IN ('Questions', 'Com_select', 'Com_insert', 'Com_update', "
                        + "'Com_commit', 'Com_rollback', 'Com_set_option', 'Com_stmt_execute', 'Com_stmt_prepare', "
                        + "'Com_stmt_close', 'Com_begin', 'Innodb_rows_read', 'Handler_read_next', 'Handler_read_key', "
                        + "'Binlog_bytes_written', 'Innodb_os_log_written')")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    /**
     * With the database's performance schema on ({@code -Dbench.jvm=-Dopd.embedded-db.server-args=…,
     * --performance-schema=ON}): its statement summary emptied before a run, to say after it where the database's time
     * went.
     */
    private static boolean digestsOn(BenchApp app) throws Exception {
        try (Connection db = app.database(); Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT @@performance_schema")) {
            if (!rs.next() || rs.getInt(1) == 0) {
                return false;
            }
            s.execute("TRUNCATE performance_schema.events_statements_summary_by_digest");
            return true;
        }
    }

    /** The statements that took most of the database's time in the run, per token: µs, calls, rows examined. */
    private static String digests(BenchApp app, long tokens) throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection db = app.database(); Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT SUM_TIMER_WAIT / 1e6, COUNT_STAR, SUM_ROWS_EXAMINED, SUM_ROWS_AFFECTED, LEFT(DIGEST_TEXT, 150) "
                        + "FROM performance_schema.events_statements_summary_by_digest ORDER BY SUM_TIMER_WAIT DESC LIMIT 15")) {
            while (rs.next()) {
                double n = Math.max(1, tokens);
                out.append(String.format(Locale.ROOT, "  %7.1f µs %6.3f calls %6.1f examined %6.2f affected  %s%n",
                        rs.getDouble(1) / n, rs.getLong(2) / n, rs.getLong(3) / n, rs.getLong(4) / n, rs.getString(5)));
            }
        }
        return out.toString();
    }

    /** Each counter's growth per token (the one SHOW before and after adds a little to Questions and Com_select). */
    private static String perToken(Map<String, Long> before, Map<String, Long> after, long tokens) {
        StringBuilder line = new StringBuilder();
        after.forEach((name, value) -> line.append(String.format(Locale.ROOT, "%s %.2f, ", name,
                (value - before.getOrDefault(name, 0L)) / (double) Math.max(1, tokens))));
        return line.toString();
    }

    interface Issue {
        void issue(int client, int n) throws Exception;
    }

    /** A registration clerk (staff are not rate limited); -Dbench.issuer=staff issues as them. */
    static final String CLERK = "Basic " + java.util.Base64.getEncoder()
            .encodeToString("registrar:registrar123".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    /** The same rows written by plain JDBC: what the database alone can do on this machine. */
    static Run jdbc(BenchApp app, int clients, Duration duration) throws Exception {
        List<Long> serviceIds = new ArrayList<>();
        try (Connection db = app.database(); Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT id FROM service_point WHERE facility = 'DEMO' ORDER BY id LIMIT 6")) {
            while (rs.next()) {
                serviceIds.add(rs.getLong(1));
            }
        }
        ConcurrentLinkedQueue<Connection> opened = new ConcurrentLinkedQueue<>();
        ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> {
            try {
                Connection c = app.database();
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                opened.add(c);
                return c;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        LocalDate day = LocalDate.of(2001, 1, 1).plusDays(System.nanoTime() % 3000); // a day of its own
        try (Connection db = app.database(); PreparedStatement seed = db.prepareStatement(
                "INSERT IGNORE INTO token_number_sequence (facility, business_day, service_id, last_number) VALUES ('BENCH', ?, ?, 0)")) {
            for (Long id : serviceIds) {
                seed.setObject(1, day);
                seed.setLong(2, id);
                seed.executeUpdate();
            }
        }
        try {
            return jdbcLoad(app, connections, serviceIds, day, clients, duration);
        } finally {
            for (Connection c : opened) {
                c.close();
            }
        }
    }

    private static Run jdbcLoad(BenchApp app, ThreadLocal<Connection> connections, List<Long> serviceIds, LocalDate day,
            int clients, Duration duration) throws Exception {
        return load("raw JDBC", clients, duration, (client, n) -> {
            Connection c = connections.get();
            long service = serviceIds.get((client + n) % serviceIds.size());
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement bump = c.prepareStatement("UPDATE token_number_sequence SET last_number = "
                    + "LAST_INSERT_ID(last_number + 1) WHERE facility = 'BENCH' AND business_day = ? AND service_id = ?");
                    PreparedStatement last = c.prepareStatement("SELECT LAST_INSERT_ID()");
                    PreparedStatement token = c.prepareStatement("""
                            INSERT INTO token (facility, public_code, business_day, number_service_id, number_series, number,
                              display_number, service_id, priority, is_priority, channel, status, issued_at, queued_at,
                              received_at) VALUES ('BENCH', ?, ?, ?, '', ?, ?, ?, 'GENERAL', FALSE, 'KIOSK', 'WAITING', ?, ?, ?)""",
                            Statement.RETURN_GENERATED_KEYS);
                    PreparedStatement key = c.prepareStatement("INSERT INTO idempotency_key (facility, request_id, body_hash, "
                            + "token_id, created_at) VALUES ('BENCH', ?, ?, ?, ?)");
                    PreparedStatement journal = c.prepareStatement("INSERT INTO journal_entry (facility, type, occurred_at, "
                            + "business_day, token_id, display_number, service_id) VALUES ('BENCH', 'ISSUED', ?, ?, ?, ?, ?)");
                    PreparedStatement waiting = c.prepareStatement("INSERT INTO waiting_count (facility, service_id, "
                            + "business_day, general_waiting) VALUES ('BENCH', ?, ?, 1) "
                            + "ON DUPLICATE KEY UPDATE general_waiting = general_waiting + 1")) {
                bump.setObject(1, day);
                bump.setLong(2, service);
                bump.executeUpdate();
                int number;
                try (ResultSet rs = last.executeQuery()) {
                    rs.next();
                    number = rs.getInt(1);
                }
                String display = "B" + service + "-" + number;
                token.setString(1, UUID.randomUUID().toString().substring(0, 20));
                token.setObject(2, day);
                token.setLong(3, service);
                token.setInt(4, number);
                token.setString(5, display);
                token.setLong(6, service);
                token.setTimestamp(7, now);
                token.setTimestamp(8, now);
                token.setTimestamp(9, now);
                token.executeUpdate();
                long tokenId;
                try (ResultSet keys = token.getGeneratedKeys()) {
                    keys.next();
                    tokenId = keys.getLong(1);
                }
                key.setString(1, UUID.randomUUID().toString());
                key.setString(2, "0".repeat(64));
                key.setLong(3, tokenId);
                key.setTimestamp(4, now);
                key.executeUpdate();
                journal.setTimestamp(1, now);
                journal.setObject(2, day);
                journal.setLong(3, tokenId);
                journal.setString(4, display);
                journal.setLong(5, service);
                journal.executeUpdate();
                waiting.setLong(1, service);
                waiting.setObject(2, day);
                waiting.executeUpdate();
                c.commit();
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }, app);
    }

    private static Run load(String what, int clients, Duration duration, Issue issue) throws Exception {
        return load(what, clients, duration, issue, null);
    }

    /** Closed-loop clients in this JVM (which is then the load generator); with {@code app}, its CPU is measured. */
    private static Run load(String what, int clients, Duration duration, Issue issue, BenchApp app) throws Exception {
        Cpu.Meter meter = app == null ? null : app.cpuMeter();
        double generatorAtStart = Cpu.millis(ProcessHandle.current().pid());
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(clients);
        long[] window = new long[2];
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    long end = window[1];
                    for (int n = 0; System.nanoTime() < end; n++) {
                        long t0 = System.nanoTime();
                        try {
                            issue.issue(client, n);
                            latencies.add(System.nanoTime() - t0);
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
            t.setDaemon(true);
            t.start();
        }
        window[0] = System.nanoTime();
        window[1] = window[0] + duration.toNanos();
        start.countDown();
        done.await();
        double seconds = (System.nanoTime() - window[0]) / 1e9;
        double generator = Cpu.millis(ProcessHandle.current().pid()) - generatorAtStart;
        Cpu.Spent cpu = meter == null ? new Cpu.Spent(0, 0, generator) : meter.stop(generator);
        long[] samples = latencies.stream().mapToLong(Long::longValue).toArray();
        return new Run(what, clients, samples.length, seconds, errors.get(), Percentiles.ofNanos(samples), cpu);
    }

    private IssueThroughputBench() {
    }
}
