package org.opdqueue.bench;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The outage story on the demo hospital, end to end, with real processes: tokens are issued online, the
 * database server is killed (kill -9), the server notices and goes DEGRADED, ten kiosks keep issuing from
 * their reserved numbers and counters keep calling by number, the database comes back, the server returns to
 * NORMAL by itself and the kiosks' outboxes are merged. Prints what happened.
 * Run: {@code ./mvnw -B package -DskipTests && ./mvnw -B -q -Pbench exec:java -Dbench.main=OutageDrill}
 */
public final class OutageDrill {

    static final int KIOSKS = 10;
    static final int OFFLINE_PER_KIOSK = Integer.getInteger("offlinePerKiosk", 300);

    public static void main(String[] args) throws Exception {
        int dbPort = 13320;
        try (BenchApp app = BenchApp.start(18095, dbPort, Benchmarks.DURABLE)) {
            drill(app, dbPort);
        }
        System.exit(0);
    }

    static void drill(BenchApp app, int dbPort) throws Exception {
        List<String> keys = OfflineMergeBench.enrolKiosks(app, "DRILL", KIOSKS);
        Map<String, String> series = new LinkedHashMap<>();
        for (String key : keys) {
            String code = key.substring(0, key.indexOf('.'));
            series.put(key, OfflineMergeBench.reserve(app, key, code, "MED", OFFLINE_PER_KIOSK / 2));
            OfflineMergeBench.reserve(app, key, code, "ENT", OFFLINE_PER_KIOSK / 2);
        }
        int online = 0;
        for (int i = 0; i < 200; i++) {
            online += app.post("/api/tokens", "{\"requestId\":\"" + UUID.randomUUID() + "\",\"serviceCode\":\""
                    + (i % 2 == 0 ? "MED" : "ENT") + "\",\"channel\":\"KIOSK\"}").statusCode() == 201 ? 1 : 0;
        }
        System.out.printf("before: %d tokens issued online%n", online);

        ProcessHandle mariadb = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("mariadbd")
                        && p.info().commandLine().orElse("").contains("--port=" + dbPort))
                .findFirst().orElseThrow(() -> new IllegalStateException("mariadbd on port " + dbPort + " not found"));
        List<String> command = new ArrayList<>();
        command.add(mariadb.info().command().orElseThrow());
        command.addAll(List.of(mariadb.info().arguments().orElseThrow()));
        long killedAt = System.nanoTime();
        mariadb.destroyForcibly();
        mariadb.onExit().join();
        System.out.println("database killed (kill -9)");
        double toDegraded = secondsUntilMode(app, "DEGRADED", killedAt);
        System.out.printf("mode DEGRADED after %.2f s%n", toDegraded);
        long t0 = System.nanoTime();
        HttpResponse<String> refused = app.post("/api/tokens", "{\"requestId\":\"" + UUID.randomUUID()
                + "\",\"serviceCode\":\"MED\"}");
        System.out.printf("an online issue meanwhile: %d %s in %.0f ms%n", refused.statusCode(),
                refused.body().contains("/problems/degraded") ? "degraded" : refused.body(), (System.nanoTime() - t0) / 1e6);
        HttpResponse<String> relayed = app.post("/api/counters/1/call", "{\"number\":\"MED-001\"}");
        System.out.printf("a call by number meanwhile: %d (relayed to the boards)%n", relayed.statusCode());

        // the kiosks issue from their reserves while the server cannot merge
        Instant outageStart = Instant.now();
        List<String> outboxes = new ArrayList<>();
        for (String key : keys) {
            outboxes.add(OfflineMergeBench.outbox(series.get(key), OFFLINE_PER_KIOSK, outageStart, 1000,
                    keys.indexOf(key)));
        }

        Process restarted = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(new java.io.File("target/bench/drill-mariadb.log")).start();
        long restartedAt = System.nanoTime();
        long acceptingAt = awaitDatabase(app);
        double toNormal = secondsUntilMode(app, "NORMAL", acceptingAt);
        System.out.printf("database restarted (accepting connections after %.2f s of crash recovery); mode NORMAL %.2f s "
                + "after that, without restarting the server%n", (acceptingAt - restartedAt) / 1e9, toNormal);

        long mergeStart = System.nanoTime();
        List<String> answers = OfflineMergeBench.syncAll(app, keys, outboxes);
        double mergeSeconds = (System.nanoTime() - mergeStart) / 1e9;
        long created = answers.stream().mapToLong(a -> OfflineMergeBench.count(a, "\"result\":\"created\"")).sum();
        List<String> replay = OfflineMergeBench.syncAll(app, keys, outboxes);
        long duplicates = replay.stream().mapToLong(a -> OfflineMergeBench.count(a, "\"result\":\"duplicate\"")).sum();
        System.out.printf("%d offline tokens from %d kiosks merged in %.2f s (%d created); replayed: %d duplicates%n",
                KIOSKS * OFFLINE_PER_KIOSK, KIOSKS, mergeSeconds, created, duplicates);

        try (Connection db = app.database(); Statement s = db.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT channel, COUNT(*) FROM token WHERE facility = 'DEMO' GROUP BY channel")) {
                StringBuilder channels = new StringBuilder("tokens per channel:");
                while (rs.next()) {
                    channels.append(' ').append(rs.getString(1)).append('=').append(rs.getLong(2));
                }
                System.out.println(channels);
            }
            long expectedOffline = (long) KIOSKS * OFFLINE_PER_KIOSK;
            long offlineStored;
            long duplicated;
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(*) - COUNT(DISTINCT business_day, number_service_id, "
                    + "number_series, number) FROM token WHERE facility = 'DEMO' AND channel = 'OFFLINE_KIOSK'")) {
                rs.next();
                offlineStored = rs.getLong(1);
                duplicated = rs.getLong(2);
            }
            System.out.printf("lost = %d, duplicated = %d%n", expectedOffline - offlineStored, duplicated);
            try (PreparedStatement outage = db.prepareStatement(
                    "SELECT started_at, ended_at, relayed_calls, cause FROM outage WHERE facility = 'DEMO' ORDER BY id DESC LIMIT 1");
                    ResultSet rs = outage.executeQuery()) {
                if (rs.next()) {
                    System.out.printf("outage recorded: %s to %s, %d relayed call(s), cause: %s%n", rs.getTimestamp(1),
                            rs.getTimestamp(2), rs.getInt(3), rs.getString(4));
                }
            }
        }
        restarted.destroy();
    }

    /** When the restarted database first accepts a connection. */
    private static long awaitDatabase(BenchApp app) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            try (Connection c = app.database()) {
                return System.nanoTime();
            } catch (java.sql.SQLException e) {
                Thread.sleep(25);
            }
        }
        throw new IllegalStateException("the database did not come back within 30 s");
    }

    private static double secondsUntilMode(BenchApp app, String mode, long since) throws Exception {
        Pattern p = Pattern.compile("\"mode\":\"" + mode + "\"");
        for (int i = 0; i < 600; i++) {
            try {
                if (p.matcher(app.get("/api/status").body()).find()) {
                    return (System.nanoTime() - since) / 1e9;
                }
            } catch (java.io.IOException e) {
                // keep asking
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("mode " + mode + " not reached within 30 s");
    }

    private OutageDrill() {
    }
}
