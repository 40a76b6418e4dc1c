package org.opdqueue.bench;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Offline merge: ten kiosks each bring back an outbox of 300 tokens issued while the server was away, all at
 * once; measures the time to merge the 3,000, then counts lost and duplicated tokens and replays every outbox.
 * Run: {@code ./mvnw -B package -DskipTests && ./mvnw -B -q -Pbench exec:java -Dbench.main=OfflineMergeBench}
 */
public final class OfflineMergeBench {

    static final int KIOSKS = 10;
    static final int PER_KIOSK = 300;

    public record Result(int tokens, double seconds, long lost, long duplicated, long replayDuplicates) {
        @Override
        public String toString() {
            return String.format("%d offline tokens from %d kiosks merged in %.2f s; lost %d, duplicated %d; "
                    + "replaying every outbox: %d of %d answered duplicate", tokens, KIOSKS, seconds, lost, duplicated,
                    replayDuplicates, tokens);
        }
    }

    public static void main(String[] args) throws Exception {
        try (BenchApp app = BenchApp.start(18081, 13308)) {
            System.out.println(run(app));
        }
        System.exit(0);
    }

    static Result run(BenchApp app) throws Exception {
        List<String> keys = enrolKiosks(app, "BENCH", KIOSKS);
        List<String> outboxes = new ArrayList<>();
        // issued over the last hour, but not before today's business day began (the demo hospital's, midnight in
        // Asia/Kolkata): the blocks are reserved for today, and tokens of yesterday would land in yesterday's queue
        // (run between 00:00 and 01:00 IST, the count read every token as lost)
        Instant now = Instant.now();
        java.time.ZoneId zone = java.time.ZoneId.of("Asia/Kolkata");
        Instant start = java.util.Collections.max(List.of(now.minusSeconds(3600),
                java.time.LocalDate.now(zone).atStartOfDay(zone).toInstant()));
        long stepMillis = Math.min(1000, java.time.Duration.between(start, now).toMillis() / (PER_KIOSK + 1));
        for (int k = 0; k < KIOSKS; k++) {
            String key = keys.get(k);
            String code = key.substring(0, key.indexOf('.'));
            String series = reserve(app, key, code, "MED", PER_KIOSK / 2);
            reserve(app, key, code, "ENT", PER_KIOSK / 2);
            outboxes.add(outbox(series, PER_KIOSK, start, stepMillis, k));
        }
        long begin = System.nanoTime();
        List<String> answers = syncAll(app, keys, outboxes);
        double seconds = (System.nanoTime() - begin) / 1e9;
        long created = answers.stream().mapToLong(a -> count(a, "\"result\":\"created\"")).sum();

        Set<String> queued = new HashSet<>();
        long duplicated = 0;
        for (String service : List.of("MED", "ENT")) {
            // the queue answers in pages of at most 1,000 (each service holds 1,500 of them)
            for (int offset = 0; offset < KIOSKS * PER_KIOSK; offset += 1000) {
                String page = app.get("/api/queues/" + service + "?limit=1000&offset=" + offset).body();
                Matcher m = Pattern.compile("\"number\":\"(" + service + "-[A-Z]\\d{3})\"").matcher(page);
                while (m.find()) {
                    duplicated += queued.add(m.group(1)) ? 0 : 1;
                }
            }
        }
        long lost = (long) KIOSKS * PER_KIOSK - queued.size();
        List<String> replay = syncAll(app, keys, outboxes);
        long replayDuplicates = replay.stream().mapToLong(a -> count(a, "\"result\":\"duplicate\"")).sum();
        if (created != (long) KIOSKS * PER_KIOSK) {
            System.out.println("WARNING: " + created + " created; answers: " + answers.get(0).substring(0, 300));
        }
        return new Result(KIOSKS * PER_KIOSK, seconds, lost, duplicated, replayDuplicates);
    }

    /**
     * An outbox of {@code count} tokens alternating MED and ENT, numbered from 1 in the kiosk's series, issued every
     * {@code stepMillis} after {@code start}.
     */
    static String outbox(String series, int count, Instant start, long stepMillis, int kiosk) {
        StringBuilder items = new StringBuilder();
        for (int n = 1; n <= count; n++) {
            String service = n % 2 == 0 ? "ENT" : "MED";
            if (items.length() > 0) {
                items.append(',');
            }
            items.append(String.format("{\"requestId\":\"%s\",\"serviceCode\":\"%s\",\"offlineNumber\":\"%s-%s%03d\","
                    + "\"issuedAt\":\"%s\"}", UUID.randomUUID(), service, service, series, (n + 1) / 2,
                    start.plusMillis(n * stepMillis + kiosk)));
        }
        return "{\"sentAt\":\"" + Instant.now() + "\",\"tokens\":[" + items + "]}";
    }

    /** Kiosks added to the database (there is no API to create devices) and enrolled through the API. */
    static List<String> enrolKiosks(BenchApp app, String prefix, int kiosks) throws Exception {
        List<String> keys = new ArrayList<>();
        try (Connection db = app.database(); PreparedStatement insert = db.prepareStatement(
                "INSERT INTO device (facility, code, name, kind, active) VALUES ('DEMO', ?, ?, 'KIOSK', TRUE)")) {
            for (int k = 1; k <= kiosks; k++) {
                insert.setString(1, prefix + k);
                insert.setString(2, "Benchmark kiosk " + k);
                insert.executeUpdate();
            }
        }
        for (int k = 1; k <= kiosks; k++) {
            HttpResponse<String> enrolled = app.post("/api/devices/" + prefix + k + "/credential", null,
                    BenchApp.basic("admin", "admin123"));
            Matcher m = Pattern.compile("\"key\":\"([^\"]+)\"").matcher(enrolled.body());
            if (!m.find()) {
                throw new IllegalStateException("enrolment answered " + enrolled.statusCode() + " " + enrolled.body());
            }
            keys.add(m.group(1));
        }
        return keys;
    }

    static String reserve(BenchApp app, String key, String code, String service, int count) throws Exception {
        String body = app.post("/api/devices/" + code + "/reserve",
                "{\"serviceCode\":\"" + service + "\",\"count\":" + count + "}", "Device " + key).body();
        Matcher m = Pattern.compile("\"series\":\"([A-Z]+)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("reserve answered " + body);
        }
        return m.group(1);
    }

    static List<String> syncAll(BenchApp app, List<String> keys, List<String> outboxes) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(KIOSKS);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int k = 0; k < KIOSKS; k++) {
                String key = keys.get(k);
                String outbox = outboxes.get(k);
                futures.add(pool.submit(() -> {
                    HttpResponse<String> answer = app.post("/api/sync/tokens", outbox, "Device " + key);
                    if (answer.statusCode() != 200) {
                        throw new IllegalStateException("sync answered " + answer.statusCode() + " " + answer.body());
                    }
                    return answer.body();
                }));
            }
            List<String> answers = new ArrayList<>();
            for (Future<String> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }

    static long count(String text, String what) {
        long n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private OfflineMergeBench() {
    }
}
