package org.opdqueue.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import org.opdqueue.support.Browser;

/**
 * The server itself dies, as a hospital would live it, in real Chromium: a kiosk issues online, the server
 * process is killed (kill -9, its embedded MariaDB orphaned), the kiosk prints slips offline, the server is
 * started again on the same data, the kiosk's outbox lands by itself, and the gap is in the outage record.
 * Exits non-zero when a slip is missing or doubled or the outage is not recorded.
 * Run: {@code ./mvnw -B package -DskipTests && ./mvnw -B -q -Pbench exec:java -Dbench.main=ServerCrashDrill}
 */
public final class ServerCrashDrill {

    static final int HTTP_PORT = 18097;
    static final int DB_PORT = 13322;
    static final String KIOSK_KEY = "KIOSK1.demo-kiosk-1";
    static final int OFFLINE_SLIPS = Integer.getInteger("offlineSlips", 10);
    static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        boolean passed;
        BenchApp app = BenchApp.start(HTTP_PORT, DB_PORT);
        try (BrowserContext kiosk = Browser.get().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1080, 1920))) {
            kiosk.addInitScript("window.print = () => {}");
            Page page = kiosk.newPage();
            page.navigate(app.base + "/kiosk/?device=" + KIOSK_KEY);
            page.waitForFunction("() => window.__kiosk && window.__kiosk.offlineReady()");
            page.waitForFunction("() => navigator.serviceWorker.controller !== null");
            waitFor("a reserve of " + OFFLINE_SLIPS + " MED numbers", () -> ((Number) page.evaluate(
                    "code => window.__kiosk.remaining(code)", "MED")).intValue() >= OFFLINE_SLIPS);

            List<String> online = List.of(issue(page), issue(page));
            System.out.printf("kiosk online: %s%n", online);

            long killedAt = System.nanoTime();
            app.kill();
            System.out.println("server killed (kill -9); its MariaDB keeps running, orphaned");
            List<String> offline = new ArrayList<>();
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < OFFLINE_SLIPS; i++) {
                long t0 = System.nanoTime();
                offline.add(issue(page));
                millis.add((System.nanoTime() - t0) / 1_000_000);
            }
            System.out.printf("%d slips printed offline: %s (touch of Print to slip %d-%d ms)%n", offline.size(), offline,
                    millis.stream().mapToLong(Long::longValue).min().orElse(0),
                    millis.stream().mapToLong(Long::longValue).max().orElse(0));
            long downFor = Long.getLong("downSeconds", 15);
            Thread.sleep(Math.max(0, downFor * 1000 - (System.nanoTime() - killedAt) / 1_000_000));

            long restartAt = System.nanoTime();
            app = BenchApp.startOnItsData(HTTP_PORT, DB_PORT);
            System.out.printf("server started again on the same data, ready in %.1f s (down %.1f s)%n",
                    (System.nanoTime() - restartAt) / 1e9, (System.nanoTime() - killedAt) / 1e9);
            long syncFrom = System.nanoTime();
            waitFor("the kiosk's outbox to land", () -> ((Number) page.evaluate("window.__kiosk.outboxSize()")).intValue() == 0);
            System.out.printf("outbox empty %.1f s after the server was ready%n", (System.nanoTime() - syncFrom) / 1e9);

            Map<String, Long> inQueue = queued(app, "MED");
            List<String> expected = new ArrayList<>(online);
            expected.addAll(offline);
            List<String> missing = expected.stream().filter(n -> !inQueue.containsKey(n)).toList();
            List<String> doubled = inQueue.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
            System.out.printf("in the MED queue: %d of %d slips; missing %s; doubled %s%n",
                    expected.size() - missing.size(), expected.size(), missing, doubled);

            JsonNode outage = serverOutage(app);
            System.out.println("outage recorded: " + (outage == null ? "NONE" : outage.toString()));
            long offlineCounted = outage == null ? 0 : outage.path("tokens").path("OFFLINE_KIOSK").asLong();
            passed = missing.isEmpty() && doubled.isEmpty() && outage != null && offlineCounted == OFFLINE_SLIPS;
            System.out.println(passed ? "PASSED" : "FAILED");
        } finally {
            app.close();
        }
        System.exit(passed ? 0 : 1);
    }

    /** Start screen to printed slip for MED, general category, no details; back to the start; the slip's number. */
    static String issue(Page page) {
        page.locator(".start-touch").click();
        page.locator("[data-service=MED]").click();
        page.locator("[data-category=GENERAL]").click();
        page.locator(".btn-skip").click();
        page.locator("[data-action=print]").click();
        page.getByTestId("slip").waitFor();
        String number = page.getByTestId("slip-number").textContent().strip();
        page.locator(".btn-done").click();
        page.locator(".start-touch").waitFor();
        return number;
    }

    /** Each number in the queue (waiting or at a counter) with how often it appears. */
    static Map<String, Long> queued(BenchApp app, String service) throws Exception {
        JsonNode queue = JSON.readTree(app.get("/api/queues/" + service).body());
        List<String> numbers = new ArrayList<>();
        queue.path("waiting").forEach(w -> numbers.add(w.path("number").asText()));
        queue.path("atCounters").forEach(w -> numbers.add(w.path("number").asText()));
        return numbers.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    /** The newest outage of kind SERVER, or null. */
    static JsonNode serverOutage(BenchApp app) throws Exception {
        HttpResponse<String> answer = app.http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(app.base + "/api/outages")).header("authorization", BenchApp.basic("admin", "admin123"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode outage : JSON.readTree(answer.body())) {
            if ("SERVER".equals(outage.path("kind").asText())) {
                return outage;
            }
        }
        return null;
    }

    interface Check {
        boolean holds() throws Exception;
    }

    static void waitFor(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (check.holds()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("gave up waiting for " + what);
    }
}
