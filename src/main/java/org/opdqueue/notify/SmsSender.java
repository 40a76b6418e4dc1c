package org.opdqueue.notify;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The built-in sender for the usual Indian HTTP SMS gateway: one GET or form POST with the key, the sender id, the
 * number and the text as parameters. The text is the hospital's template in the patient's language, Hindi in
 * Unicode, URL-encoded as UTF-8 (gateways that want it say so with a parameter such as {@code unicode=1}).
 */
@ApplicationScoped
public class SmsSender implements NotificationSender {

    private final NotifyConfig.Sms config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(WebhookSender.TIMEOUT).build();

    public SmsSender(NotifyConfig config) {
        this.config = config.sms();
    }

    public boolean configured() {
        return config.url().filter(url -> !url.isBlank()).isPresent();
    }

    @Override
    public List<String> targets() {
        return configured() ? List.of(Delivery.SMS) : List.of();
    }

    @Override
    public boolean serves(String target) {
        return Delivery.SMS.equals(target);
    }

    @Override
    public Attempt send(Delivery delivery, Notice notice) {
        if (!configured()) {
            return Attempt.failed("no SMS gateway is set up (OPD_NOTIFY_SMS_URL)");
        }
        try {
            HttpResponse<String> answer = http.send(request(notice), HttpResponse.BodyHandlers.ofString());
            return Attempt.of(answer.statusCode(), answer.body());
        } catch (HttpTimeoutException e) {
            return Attempt.failed("no answer within " + WebhookSender.TIMEOUT.toSeconds() + " s");
        } catch (IOException e) {
            return Attempt.failed("could not be reached" + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (IllegalArgumentException e) {
            // not its message: it quotes the whole address, the key in the query with it
            return Attempt.failed("OPD_NOTIFY_SMS_URL is not a valid address");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Attempt.failed("interrupted");
        }
    }

    /** The gateway request for one notice; the key never leaves this method except to the gateway. */
    HttpRequest request(Notice notice) {
        String params = parameters(notice);
        String url = config.url().orElseThrow();
        HttpRequest.Builder request;
        if ("POST".equalsIgnoreCase(config.method())) {
            request = HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(params));
        } else {
            request = HttpRequest.newBuilder(URI.create(url + (url.contains("?") ? "&" : "?") + params)).GET();
        }
        return request.timeout(WebhookSender.TIMEOUT).build();
    }

    /** The parameter template with each value filled in and URL-encoded as UTF-8. */
    String parameters(Notice notice) {
        Map<String, String> values = Map.of("mobile", notice.mobile(), "message", message(notice),
                "apiKey", config.apiKey().orElse(""), "sender", config.sender());
        List<String> pairs = new ArrayList<>();
        for (String pair : config.params().split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : fill(pair.substring(eq + 1), values);
            pairs.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return String.join("&", pairs);
    }

    /** The text of the SMS: the template of the event, in Hindi unless the patient took the token in English. */
    public String message(Notice notice) {
        boolean english = "en".equals(notice.language());
        String template = NotifyEvent.CALLED.wireName().equals(notice.event())
                ? (english ? config.calledEn() : config.calledHi())
                : (english ? config.turnNearEn() : config.turnNearHi());
        String service = english || notice.serviceHi() == null ? notice.serviceEn() : notice.serviceHi();
        String counter = english || notice.counterHi() == null ? notice.counter() : notice.counterHi();
        return fill(template, Map.of("hospital", nz(notice.hospital()), "token", notice.token(), "service", nz(service),
                "ahead", nz(notice.placesAhead()), "wait", nz(notice.estimatedWaitMinutes()), "counter", nz(counter)));
    }

    private static String nz(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String fill(String template, Map<String, String> values) {
        String text = template;
        for (Map.Entry<String, String> v : values.entrySet()) {
            text = text.replace("{" + v.getKey() + "}", v.getValue() == null ? "" : v.getValue());
        }
        return text;
    }
}
