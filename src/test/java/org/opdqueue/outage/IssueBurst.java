package org.opdqueue.outage;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.opdqueue.support.Api;

/**
 * A burst of token issues from many clients at once, with a fault (the database killed or frozen) injected once
 * some of them were answered; then, with the database back, every request id sent again as a kiosk would.
 */
final class IssueBurst {

    /** Tokens are issued by staff or enrolled kiosks; a registration clerk's HTTP Basic log-in, as an API client sends it. */
    private static final String STAFF = "Basic " + java.util.Base64.getEncoder().encodeToString(
            (Api.STAFF_USER + ":" + Api.STAFF_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One issue request of the burst and what it was answered. */
    record Answer(String requestId, String body, int status, JsonNode json, long millis) {

        String problemType() {
            return json.path("type").asText();
        }

        String detail() {
            return json.path("detail").asText();
        }

        long tokenId() {
            return json.path("id").asLong();
        }
    }

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(8)).build();

    IssueBurst(URI base) {
        this.base = base;
    }

    /** Sends {@code n} issues from {@code clients} clients; runs {@code fault} once {@code faultAfter} were issued. */
    List<Answer> fire(String service, int n, int clients, int faultAfter, Runnable fault) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger created = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean faulted = new java.util.concurrent.atomic.AtomicBoolean();
        CompletableFuture<Void> faultDone = new CompletableFuture<>();
        try {
            List<CompletableFuture<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String requestId = UUID.randomUUID().toString();
                String body = "{\"requestId\":\"" + requestId + "\",\"serviceCode\":\"" + service
                        + "\",\"priority\":\"GENERAL\",\"channel\":\"KIOSK\"}";
                answers.add(CompletableFuture.supplyAsync(() -> {
                    Answer a = send(requestId, body);
                    if (a.status() == 201 && created.incrementAndGet() == faultAfter && faulted.compareAndSet(false, true)) {
                        CompletableFuture.runAsync(fault).whenComplete((v, e) -> faultDone.complete(null));
                    }
                    return a;
                }, pool));
            }
            List<Answer> result = new ArrayList<>();
            for (CompletableFuture<Answer> a : answers) {
                result.add(a.get());
            }
            if (faulted.compareAndSet(false, true)) {
                fault.run(); // too few were issued to fault mid-burst: the test says so
                faultDone.complete(null);
            }
            faultDone.get();
            return result;
        } finally {
            pool.shutdownNow();
        }
    }

    Answer send(String requestId, String body) {
        long began = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/tokens"))
                    .header("content-type", "application/json").header("authorization", STAFF).timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = r.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.body());
            return new Answer(requestId, body, r.statusCode(), json, (System.nanoTime() - began) / 1_000_000);
        } catch (Exception e) {
            throw new IllegalStateException("issue " + requestId + " got no answer", e);
        }
    }

    /**
     * Every request of the burst sent again with its own request id and body until it is answered with a token,
     * as a kiosk retries: the token each request id holds, by request id.
     */
    Map<String, Answer> retryAll(List<Answer> burst, Duration within) throws InterruptedException {
        Map<String, Answer> tokens = new HashMap<>();
        long deadline = System.nanoTime() + within.toNanos();
        for (Answer first : burst) {
            Answer a = send(first.requestId(), first.body());
            while (a.status() == 503 && System.nanoTime() < deadline) {
                Thread.sleep(200);
                a = send(first.requestId(), first.body());
            }
            tokens.put(first.requestId(), a);
        }
        return tokens;
    }
}
