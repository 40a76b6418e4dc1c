package org.opdqueue.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** The built-in SMS sender's request, as a gateway double receives it. */
class SmsSenderTest {

    private static final Notice TURN_NEAR_HI = new Notice("7-turn_near", "turn_near", "MED-042", 7, "MED",
            "General Medicine", "सामान्य चिकित्सा", 3L, 6L, null, null, "9876543210", "hi", Instant.EPOCH, "District Hospital");

    @Test
    void aGetCarriesTheHindiTextUrlEncodedAsUtf8() {
        SmsSender sender = new SmsSender(config("https://sms.example.in/api/send?route=2", "GET",
                "apikey={apiKey}&sender={sender}&numbers=91{mobile}&message={message}&unicode=1"));

        String uri = sender.request(TURN_NEAR_HI).uri().toString();

        String text = "District Hospital: टोकन MED-042 (सामान्य चिकित्सा) - आपसे पहले 3 लोग, लगभग 6 मिनट। कृपया प्रतीक्षा कक्ष में आएँ।";
        assertThat(sender.message(TURN_NEAR_HI)).isEqualTo(text);
        assertThat(uri).startsWith("https://sms.example.in/api/send?route=2&apikey=key%26secret&sender=OPDTKN&numbers=919876543210&message=")
                .contains("message=" + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&unicode=1")
                .contains("%E0%A4%9F%E0%A5%8B%E0%A4%95%E0%A4%A8"); // टोकन
        assertThat(sender.request(TURN_NEAR_HI).method()).isEqualTo("GET");
    }

    @Test
    void aPostSendsTheFormToTheGatewayAndAnEnglishPatientGetsTheEnglishText() throws Exception {
        AtomicReference<String> form = new AtomicReference<>();
        AtomicReference<String> contentType = new AtomicReference<>();
        HttpServer gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/send", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                form.set(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                contentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
                exchange.sendResponseHeaders(200, 2);
                exchange.getResponseBody().write("OK".getBytes(StandardCharsets.UTF_8));
            } finally {
                exchange.close();
            }
        });
        gateway.start();
        try {
            SmsSender sender = new SmsSender(config("http://127.0.0.1:" + gateway.getAddress().getPort() + "/send", "POST",
                    "key={apiKey}&to={mobile}&text={message}"));
            Notice called = new Notice("7-called", "called", "MED-042", 7, "MED", "General Medicine", "सामान्य चिकित्सा",
                    null, null, "Room 3", "कमरा 3", "9876543210", "en", Instant.EPOCH, "District Hospital");

            NotificationSender.Attempt attempt = sender.send(null, called);

            assertThat(attempt.sent()).isTrue();
            assertThat(contentType.get()).startsWith("application/x-www-form-urlencoded");
            Map<String, String> fields = Arrays.stream(form.get().split("&")).map(p -> p.split("=", 2))
                    .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
            assertThat(fields).containsEntry("key", "key&secret").containsEntry("to", "9876543210")
                    .containsEntry("text", "District Hospital: token MED-042 is called to Room 3. Please go now.");

            Notice calledHi = new Notice("7-called", "called", "MED-042", 7, "MED", "General Medicine", "सामान्य चिकित्सा",
                    null, null, "Room 3", "कमरा 3", "9876543210", "hi", Instant.EPOCH, "District Hospital");
            assertThat(sender.send(null, calledHi).sent()).isTrue();
            assertThat(URLDecoder.decode(form.get().replaceAll(".*text=", ""), StandardCharsets.UTF_8))
                    .isEqualTo("District Hospital: टोकन MED-042 को कमरा 3 पर बुलाया गया है। कृपया अभी जाएँ।");
        } finally {
            gateway.stop(0);
        }
    }

    @Test
    void aGatewayErrorIsAFailedAttemptWithItsAnswer() throws Exception {
        HttpServer gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/send", exchange -> {
            byte[] answer = "{\"status\":\"failure\",\"errors\":[{\"code\":3,\"message\":\"Invalid number\"}]}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(400, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        gateway.start();
        try {
            SmsSender sender = new SmsSender(config("http://127.0.0.1:" + gateway.getAddress().getPort() + "/send", "GET",
                    "to={mobile}&text={message}"));
            NotificationSender.Attempt attempt = sender.send(null, TURN_NEAR_HI);
            assertThat(attempt.sent()).isFalse();
            assertThat(attempt.statusCode()).isEqualTo(400);
            assertThat(attempt.error()).contains("Invalid number").doesNotContain("key&secret");
        } finally {
            gateway.stop(0);
        }
    }

    /** The settings a hospital fills in, with the defaults for the rest (the key holds an '&' to be encoded). */
    private static NotifyConfig config(String url, String method, String params) {
        NotifyConfig.Sms sms = new NotifyConfig.Sms() {
            public Optional<String> url() { return Optional.of(url); }
            public String method() { return method; }
            public String params() { return params; }
            public Optional<String> apiKey() { return Optional.of("key&secret"); }
            public String sender() { return "OPDTKN"; }
            public String turnNearEn() { return "{hospital}: token {token} ({service}) - {ahead} ahead of you, about {wait} min. Please come to the waiting hall."; }
            public String turnNearHi() { return "{hospital}: टोकन {token} ({service}) - आपसे पहले {ahead} लोग, लगभग {wait} मिनट। कृपया प्रतीक्षा कक्ष में आएँ।"; }
            public String calledEn() { return "{hospital}: token {token} is called to {counter}. Please go now."; }
            public String calledHi() { return "{hospital}: टोकन {token} को {counter} पर बुलाया गया है। कृपया अभी जाएँ।"; }
        };
        return new NotifyConfig() {
            public boolean enabled() { return true; }
            public int placesAhead() { return 5; }
            public Duration every() { return Duration.ofSeconds(1); }
            public Duration firstRetryAfter() { return Duration.ofSeconds(10); }
            public int maxAttempts() { return 8; }
            public String defaultLanguage() { return "hi"; }
            public Sms sms() { return sms; }
        };
    }
}
