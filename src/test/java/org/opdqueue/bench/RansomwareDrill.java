package org.opdqueue.bench;

import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.opdqueue.archive.ArchiveKeys;
import org.opdqueue.archive.ArchiveReader;
import org.opdqueue.archive.DirectoryTarget;
import org.opdqueue.archive.Segment;

/**
 * Ransomware day, as one command: the demo (archiving to a directory) issues a morning's tokens; a kiosk has its
 * offline block; the database server is killed (kill -9) and its data directory deleted, and the app server with it;
 * the kiosk prints slips offline meanwhile; a new server starts on a new, empty MariaDB with {@code restore}; the kiosk
 * syncs. Reports acknowledged, restored, lost (only entries after the last archived segment may be), duplicated (0),
 * RPO and RTO. Exits non-zero when a token outside the RPO window is lost or any is doubled.
 * Run: {@code ./mvnw -B package -DskipTests && ./mvnw -B -q -Pbench exec:java -Dbench.main=RansomwareDrill -Dtokens=12000}
 */
public final class RansomwareDrill {

    static final int HTTP_PORT = 18121;
    static final int DB_PORT = 13341;
    static final int NEW_HTTP_PORT = 18122;
    static final int NEW_DB_PORT = 13342;
    static final int TOKENS = Integer.getInteger("tokens", 12_000);
    static final int THREADS = Integer.getInteger("threads", 8);
    static final int OFFLINE_SLIPS = Integer.getInteger("offlineSlips", 10);
    static final String KIOSK_KEY = "KIOSK1.demo-kiosk-1";
    static final List<String> SERVICES = List.of("MED", "ENT", "GYN", "PAED", "ORTHO");
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path ARCHIVE = Path.of("target/bench/archive");

    public static void main(String[] args) throws Exception {
        deleteRecursively(ARCHIVE);
        deleteRecursively(Path.of("target/bench/db-" + NEW_DB_PORT));
        ArchiveKeys.NewKey key = ArchiveKeys.newKey();
        List<String> archiving = List.of("-Dopd.archive.enabled=true", "-Dopd.archive.directory=" + ARCHIVE,
                "-Dopd.archive.public-key=" + key.publicKey());
        BenchApp app = BenchApp.start(HTTP_PORT, DB_PORT, archiving.toArray(String[]::new));
        JsonNode reserve = JSON.readTree(app.post("/api/devices/KIOSK1/reserve",
                "{\"serviceCode\":\"MED\",\"count\":" + OFFLINE_SLIPS + "}", "Device " + KIOSK_KEY).body());
        String series = reserve.path("series").asText();
        System.out.printf("kiosk KIOSK1 holds offline numbers MED-%s%03d..%d%n", series, reserve.path("from").asInt(),
                reserve.path("to").asInt());

        Map<String, Instant> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService load = Executors.newFixedThreadPool(THREADS);
        long loadStart = System.nanoTime();
        BenchApp issuing = app;
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            load.submit(() -> {
                for (int i = 0; !stop.get(); i++) {
                    String service = SERVICES.get((thread + i) % SERVICES.size());
                    String body = i % 4 == 0
                            ? "{\"requestId\":\"" + UUID.randomUUID() + "\",\"serviceCode\":\"" + service
                                    + "\",\"channel\":\"COUNTER\",\"patient\":{\"name\":\"Patient " + thread + "-" + i
                                    + "\",\"mobile\":\"98" + String.format("%08d", thread * 1_000_000 + i) + "\"}}"
                            : "{\"requestId\":\"" + UUID.randomUUID() + "\",\"serviceCode\":\"" + service
                                    + "\",\"channel\":\"COUNTER\"}";
                    try {
                        HttpResponse<String> r = issuing.post("/api/tokens", body);
                        if (r.statusCode() == 201) {
                            acknowledged.put(JSON.readTree(r.body()).path("number").asText(), Instant.now());
                        } else {
                            refused.incrementAndGet();
                        }
                    } catch (Exception e) {
                        refused.incrementAndGet();
                    }
                }
                return null;
            });
        }
        while (acknowledged.size() < TOKENS) {
            Thread.sleep(50);
        }
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

        // the loss: the database server and its data, mid-morning, with tokens still being issued
        long killedNanos = System.nanoTime();
        Instant killedAt = Instant.now();
        killDatabase(DB_PORT);
        stop.set(true);
        load.shutdown();
        load.awaitTermination(30, TimeUnit.SECONDS);
        app.kill();
        deleteRecursively(Path.of("target/bench/db-" + DB_PORT));
        Map<String, Instant> beforeLoss = new java.util.HashMap<>();
        acknowledged.forEach((n, at) -> {
            if (at.isBefore(killedAt)) {
                beforeLoss.put(n, at);
            }
        });
        System.out.printf("%d tokens acknowledged in %.1f s (%.0f/s), then the database was killed and its data "
                + "deleted; %d requests refused around the loss%n", beforeLoss.size(), loadSeconds,
                beforeLoss.size() / loadSeconds, refused.get());

        List<Map<String, Object>> outbox = new ArrayList<>();
        for (int n = reserve.path("from").asInt(); n < reserve.path("from").asInt() + OFFLINE_SLIPS; n++) {
            outbox.add(Map.of("requestId", UUID.randomUUID().toString(), "serviceCode", "MED", "priority", "GENERAL",
                    "offlineNumber", String.format("MED-%s%03d", series, n), "issuedAt", Instant.now().toString()));
        }
        System.out.printf("kiosk printed %d slips offline during the loss%n", outbox.size());

        ArchiveReader.Verified archive = ArchiveReader.verify(new DirectoryTarget(ARCHIVE));
        List<ObjectNode> lastEntries = archive.segments().get(archive.segments().size() - 1).entries();
        Instant lastArchived = LocalDateTime.parse(lastEntries.get(lastEntries.size() - 1).path("occurred_at").asText(),
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]")).toInstant(ZoneOffset.UTC);
        System.out.printf("archive: %d segments up to seq %d, last entry at %s%n", archive.segments().size(),
                archive.last().lastSeq(), lastArchived);

        long restoreStart = System.nanoTime();
        Process restored = restore(key.privateKey(), archiving);
        BenchApp fresh = BenchApp.attach(NEW_HTTP_PORT, NEW_DB_PORT, restored, Duration.ofMinutes(10));
        double restoreSeconds = (System.nanoTime() - restoreStart) / 1e9;
        long firstTokenNanos = 0;
        String firstNumber = null;
        while (firstNumber == null) {
            HttpResponse<String> r = fresh.post("/api/tokens",
                    "{\"requestId\":\"" + UUID.randomUUID() + "\",\"serviceCode\":\"MED\",\"channel\":\"COUNTER\"}");
            if (r.statusCode() == 201) {
                firstNumber = JSON.readTree(r.body()).path("number").asText();
                firstTokenNanos = System.nanoTime();
            } else {
                Thread.sleep(100);
            }
        }
        double rto = (firstTokenNanos - killedNanos) / 1e9;
        System.out.printf("new server restored and ready in %.1f s; first token %s issued %.1f s after the kill (RTO)%n",
                restoreSeconds, firstNumber, rto);

        String sync = JSON.writeValueAsString(Map.of("sentAt", Instant.now().toString(), "tokens", outbox));
        JsonNode first = JSON.readTree(fresh.post("/api/sync/tokens", sync, "Device " + KIOSK_KEY).body());
        JsonNode again = JSON.readTree(fresh.post("/api/sync/tokens", sync, "Device " + KIOSK_KEY).body());
        long created = count(first, "created");
        long duplicateAnswers = count(again, "duplicate");
        System.out.printf("kiosk synced: %d created, then again: %d duplicate (of %d)%n", created, duplicateAnswers,
                outbox.size());

        Set<String> inNewDatabase = new HashSet<>();
        long doubled;
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + NEW_DB_PORT + "/opd", "root", "");
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT display_number FROM token")) {
                while (rs.next()) {
                    inNewDatabase.add(rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM (SELECT business_day, display_number FROM token "
                    + "GROUP BY business_day, display_number HAVING COUNT(*) > 1) d")) {
                rs.next();
                doubled = rs.getLong(1);
            }
        }
        inNewDatabase.remove(firstNumber); // issued after the restore: not one of the restored
        boolean lostNumberGivenAgain = beforeLoss.containsKey(firstNumber);
        List<String> lost = beforeLoss.keySet().stream().filter(n -> !inNewDatabase.contains(n)).sorted().toList();
        long restoredCount = beforeLoss.size() - lost.size();
        Instant oldestLost = lost.stream().map(beforeLoss::get).min(Comparator.naturalOrder()).orElse(null);
        // a lost token must have been acknowledged after the last archived entry was written (less a clock tick)
        boolean lostOnlyInWindow = oldestLost == null || !oldestLost.isBefore(lastArchived.minusMillis(5));
        double rpo = Duration.between(lastArchived, killedAt).toMillis() / 1000.0;
        System.out.printf("""
                RESULT tokens acknowledged before the loss: %d
                RESULT restored: %d
                RESULT lost: %d (all acknowledged after the last archived entry: %s)
                RESULT duplicated: %d (numbers held twice in the new database) + %d (offline slips merged twice)
                RESULT a lost token's number given again after the restore: %s
                RESULT RPO: %.1f s (last archived entry to the kill)
                RESULT RTO: %.1f s (kill to the first token issued on the new server; restore and start %.1f s)
                """, beforeLoss.size(), restoredCount, lost.size(), lostOnlyInWindow, doubled,
                outbox.size() - duplicateAnswers, lostNumberGivenAgain, rpo, rto, restoreSeconds);
        boolean passed = lostOnlyInWindow && doubled == 0 && !lostNumberGivenAgain && created == outbox.size()
                && duplicateAnswers == outbox.size();
        System.out.println(passed ? "PASSED" : "FAILED");
        fresh.close();
        killDatabase(NEW_DB_PORT);
        System.exit(passed ? 0 : 1);
    }

    /** {@code restore} on a new server: a new, empty embedded MariaDB, then the app on what it restored. */
    private static Process restore(String privateKey, List<String> archiving) throws Exception {
        Path data = Path.of("target/bench/db-" + NEW_DB_PORT);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.profile=demo", "-Dquarkus.http.port=" + NEW_HTTP_PORT, "-Dopd.embedded-db.port=" + NEW_DB_PORT,
                "-Dopd.embedded-db.data-dir=" + data.resolve("data"), "-Dopd.embedded-db.base-dir=target/bench/mariadb-server",
                "-Dquarkus.log.level=WARN"));
        command.addAll(archiving);
        command.addAll(BenchApp.PRODUCTION_JVM);
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar", "restore", "--from", ARCHIVE.toString(),
                "--key", privateKey));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/bench/app-" + NEW_HTTP_PORT + ".log")))
                .start();
    }

    private static long count(JsonNode sync, String result) {
        long n = 0;
        for (JsonNode r : sync.path("results")) {
            n += result.equals(r.path("result").asText()) ? 1 : 0;
        }
        return n;
    }

    /** kill -9 of the embedded mariadbd listening on {@code port}. */
    private static void killDatabase(int port) {
        ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains("mariadbd")
                && p.info().commandLine().orElse("").contains("--port=" + port)).forEach(p -> {
                    p.destroyForcibly();
                    p.onExit().join();
                });
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
