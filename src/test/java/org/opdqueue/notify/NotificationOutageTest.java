package org.opdqueue.notify;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.opdqueue.common.Facility;
import org.opdqueue.embedded.EmbeddedMariaDb;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.support.Api;
import org.opdqueue.support.EmbeddedMariaDbResource;
import org.opdqueue.support.TestHospital;

/** Nothing is sent while the database is away, and nothing stale once it is back. */
@QuarkusTest
class NotificationOutageTest {

    @Inject
    TestHospital hospital;

    @Inject
    Notifications notifications;

    @Inject
    NotifyPlaces places;

    @Inject
    Facility facility;

    @Test
    void nothingGoesWhileTheDatabaseIsAwayAndATurnNearOfAPatientCalledMeanwhileNeverGoes() throws Exception {
        EmbeddedMariaDb db = EmbeddedMariaDbResource.database();
        Assumptions.assumeTrue(db != null, "needs the embedded database, which the test can stop");
        String service = hospital.service();
        long counter = hospital.openCounter(service);
        QuarkusTransaction.requiringNew().run(() -> places.set(
                ServicePoint.findByCode(facility.code(), service).orElseThrow().id, 2));
        // the counter's staff member logs in before the outage (the server remembers who, to keep calling by number)
        Api.staff().contentType("application/json").body(Map.of("state", "OPEN")).put("/api/counters/" + counter + "/state")
                .then().statusCode(200);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            WebhookEndpoint endpoint = notifications.addEndpoint("outage " + UUID.randomUUID(), receiver.url(), "test");
            receiver.secret(endpoint.secret);
            try {
                receiver.failFirst(1000); // the provider is down: both "turn near" wait for a retry
                Api.issue(service);
                JsonPath waiting = issue(service, "9876543220");
                JsonPath calledInTheDark = issue(service, "9876543221");
                String stillWaiting = Api.id(waiting) + "-turn_near";
                String called = Api.id(calledInTheDark) + "-turn_near";
                await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().stream()
                        .map(WebhookReceiver.Received::eventId).toList().containsAll(java.util.List.of(stillWaiting, called)));

                db.stop();
                try {
                    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().get("/api/status").then()
                            .body("mode", org.hamcrest.Matchers.equalTo("DEGRADED")));
                    receiver.failFirst(0); // the provider is back, the database is not
                    int before = receiver.received().size();
                    Api.post("/api/counters/" + counter + "/call", Map.of("number", calledInTheDark.getString("number")))
                            .then().statusCode(202);
                    Thread.sleep(4000); // retries were due after 1 s and 2 s
                    assertThat(receiver.received()).as("sent while the database was away").hasSize(before);
                } finally {
                    db.restart();
                }
                await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().get("/api/status").then()
                        .body("mode", org.hamcrest.Matchers.equalTo("NORMAL")));

                await().atMost(Duration.ofSeconds(20)).until(() -> receiver.taken().stream()
                        .anyMatch(r -> r.eventId().equals(stillWaiting)));
                // its own retry comes when it comes: the back-off doubled while the provider and the database were
                // away, and a send cut by the outage keeps its 60 s lease; whatever it does then, it must not send
                java.util.function.Supplier<Delivery> ofTheCalled = () -> QuarkusTransaction.requiringNew().call(() -> Delivery
                        .<Delivery>find("tokenId = ?1 and target = ?2", Api.id(calledInTheDark), Delivery.WEBHOOK + endpoint.id)
                        .singleResult());
                await().atMost(Duration.ofSeconds(100)).until(() -> ofTheCalled.get().status != Delivery.Status.PENDING);
                Thread.sleep(1000);
                assertThat(receiver.taken()).extracting(WebhookReceiver.Received::eventId)
                        .as("the patient called during the outage is not told their turn is near, nor called, afterwards")
                        .containsExactly(stillWaiting);
                Delivery skipped = ofTheCalled.get();
                assertThat(skipped.status).isEqualTo(Delivery.Status.SKIPPED);
                assertThat(skipped.lastError).contains("called before the message went");
            } finally {
                notifications.setActive(endpoint.id, false, "test");
            }
        }
    }

    private static JsonPath issue(String service, String mobile) {
        Map<String, Object> body = new HashMap<>(Api.issueBody(service, "GENERAL"));
        body.put("patient", Map.of("mobile", mobile, "notifyConsent", true, "language", "en"));
        return Api.post("/api/tokens", body).then().statusCode(201).extract().jsonPath();
    }
}
