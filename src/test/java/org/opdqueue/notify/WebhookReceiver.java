package org.opdqueue.notify;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * A hospital's webhook receiver, as its SMS provider's bridge would be: on a free port of 127.0.0.1, it checks each
 * body's signature the way the README tells receivers to, keeps what it got, and answers 500 to the first
 * {@code failFirst} attempts of each event.
 */
final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as received. */
    record Received(String eventId, JsonNode body, String rawBody, String timestamp, String signature,
            boolean signatureValid, String deliveryId, int answered) {
        String event() {
            return body.path("event").asText();
        }

        String token() {
            return body.path("token").asText();
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private volatile String secret;
    private volatile int failFirst;

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                String timestamp = exchange.getRequestHeaders().getFirst("X-OPD-Timestamp");
                String signature = exchange.getRequestHeaders().getFirst("X-OPD-Signature");
                String eventId = exchange.getRequestHeaders().getFirst("X-OPD-Event-Id");
                int attempt = attempts.computeIfAbsent(eventId, id -> new AtomicInteger()).incrementAndGet();
                int status = attempt <= failFirst ? 500 : 200;
                received.add(new Received(eventId, JSON.readTree(raw), raw, timestamp, signature,
                        secret != null && verify(secret, timestamp, raw, signature),
                        exchange.getRequestHeaders().getFirst("X-OPD-Delivery"), status));
                byte[] answer = (status == 200 ? "ok" : "provider down").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, answer.length);
                exchange.getResponseBody().write(answer);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /**
     * The receiver's check, written from the README and not with the server's own class: HMAC-SHA256 with the
     * endpoint's secret over timestamp + "." + body, hex, after "v1=".
     */
    static boolean verify(String secret, String timestamp, String body, String signature) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = "v1=" + java.util.HexFormat.of()
                    .formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
            return java.security.MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                    String.valueOf(signature).getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void secret(String secret) {
        this.secret = secret;
    }

    void failFirst(int attempts) {
        this.failFirst = attempts;
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    /** What was answered 2xx: the events the receiver took. */
    List<Received> taken() {
        return received.stream().filter(r -> r.answered() == 200).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
