package org.opdqueue.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;

/** POSTs the notice's JSON, signed with the endpoint's secret, to every active endpoint. */
@ApplicationScoped
public class WebhookSender implements NotificationSender {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Facility facility;
    private final HospitalClock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public WebhookSender(Facility facility, HospitalClock clock) {
        this.facility = facility;
        this.clock = clock;
    }

    @Override
    public List<String> targets() {
        return WebhookEndpoint.activeOf(facility.code()).stream().map(e -> Delivery.WEBHOOK + e.id).toList();
    }

    @Override
    public boolean serves(String target) {
        return target.startsWith(Delivery.WEBHOOK);
    }

    @Override
    public Attempt send(Delivery delivery, Notice notice) {
        WebhookEndpoint endpoint = QuarkusTransaction.joiningExisting()
                .call(() -> WebhookEndpoint.<WebhookEndpoint>findById(delivery.endpointId()));
        if (endpoint == null) {
            return Attempt.failed("the endpoint was removed");
        }
        long timestamp = clock.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url)).timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .header(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE, WebhookSignature.sign(endpoint.secret, timestamp, delivery.body))
                .header(WebhookSignature.EVENT_ID, notice.eventId())
                .header(WebhookSignature.DELIVERY, delivery.id.toString())
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body)).build();
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            return Attempt.of(answer.statusCode(), answer.body());
        } catch (java.net.http.HttpTimeoutException e) {
            return Attempt.failed("no answer within " + TIMEOUT.toSeconds() + " s");
        } catch (IOException | IllegalArgumentException e) {
            return Attempt.failed("could not be reached" + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Attempt.failed("interrupted");
        }
    }
}
