package org.opdqueue.notify;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.opdqueue.common.Facility;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.support.Api;
import org.opdqueue.support.StaffSession;
import org.opdqueue.support.TestHospital;

/** A patient who gave a mobile number and consent is told once when their turn nears and once when called. */
@QuarkusTest
class NotificationsTest {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    @Inject
    TestHospital hospital;

    @Inject
    Notifications notifications;

    @Inject
    NotifyPlaces places;

    @Inject
    Facility facility;

    @Inject
    NotificationTrigger trigger;

    @Inject
    jakarta.persistence.EntityManager em;

    private WebhookReceiver receiver;
    private WebhookEndpoint endpoint;
    private String service;
    private long counter;

    @BeforeEach
    void aServiceWithAReceiver() throws Exception {
        receiver = new WebhookReceiver();
        endpoint = notifications.addEndpoint("receiver " + UUID.randomUUID(), receiver.url(), "test");
        receiver.secret(endpoint.secret);
        service = hospital.service();
        counter = hospital.openCounter(service);
        QuarkusTransaction.requiringNew().run(() -> places.set(
                ServicePoint.findByCode(facility.code(), service).orElseThrow().id, 2));
    }

    @AfterEach
    void switchTheReceiverOff() {
        notifications.setActive(endpoint.id, false, "test");
        receiver.close();
    }

    @Test
    void eachEventReachesTheReceiverOnceSignedAndOnlyForPatientsWhoConsentedWithAMobileNumber() throws Exception {
        JsonPath first = Api.issue(service);                                            // 0 ahead, no details
        JsonPath near = issue(Map.of("mobile", "9876543210", "notifyConsent", true, "language", "en")); // 1 ahead
        JsonPath noConsent = issue(Map.of("mobile", "9876543211"));                   // 2 ahead
        JsonPath noMobile = issue(Map.of("notifyConsent", true, "uhid", "U-1"));      // 3 ahead
        JsonPath later = issue(Map.of("mobile", "9876543212", "notifyConsent", true, "language", "hi")); // 4 ahead

        // within 2 places at issue: told at once
        await().atMost(WITHIN).until(() -> receiver.taken().size() >= 1);
        assertThat(receiver.taken()).extracting(WebhookReceiver.Received::eventId)
                .containsExactly(Api.id(near) + "-turn_near");

        serveNext(first);                  // near: 0 ahead, later: 3 ahead
        assertThat(Api.callNext(counter).then().statusCode(200).extract().jsonPath().getLong("id")).isEqualTo(Api.id(near));
        // near is called; later is now 2 ahead, and told
        await().atMost(WITHIN).until(() -> receiver.taken().size() >= 3);
        Api.act(Api.id(near), "recall").then().statusCode(200); // a recall tells nobody again
        Api.act(Api.id(near), "complete").then().statusCode(200);
        serveNext(noConsent);
        serveNext(noMobile);
        Api.callNext(counter).then().statusCode(200);   // later called
        await().atMost(WITHIN).until(() -> receiver.taken().size() >= 4);
        Api.act(Api.id(later), "recall").then().statusCode(200);
        Thread.sleep(3000); // anything more (a repeat, a recall) would have come by now
        List<WebhookReceiver.Received> got = receiver.received();
        assertThat(got).extracting(WebhookReceiver.Received::eventId).containsExactlyInAnyOrder(
                Api.id(near) + "-turn_near", Api.id(near) + "-called", Api.id(later) + "-turn_near",
                Api.id(later) + "-called");
        assertThat(got).allSatisfy(r -> {
            assertThat(r.signatureValid()).as("signature of %s", r.eventId()).isTrue();
            assertThat(Long.parseLong(r.timestamp())).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(120L));
            assertThat(r.body().path("service").asText()).isEqualTo(service);
        });
        WebhookReceiver.Received laterNear = got.stream()
                .filter(r -> r.eventId().equals(Api.id(later) + "-turn_near")).findFirst().orElseThrow();
        assertThat(laterNear.body().path("placesAhead").asLong()).isEqualTo(2);
        assertThat(laterNear.body().path("mobile").asText()).isEqualTo("9876543212");
        assertThat(laterNear.body().path("language").asText()).isEqualTo("hi");
        assertThat(laterNear.body().has("estimatedWaitMinutes")).isTrue();
        WebhookReceiver.Received nearCalled = got.stream()
                .filter(r -> r.eventId().equals(Api.id(near) + "-called")).findFirst().orElseThrow();
        assertThat(nearCalled.body().path("counter").asText()).isNotBlank();
        assertThat(nearCalled.body().path("language").asText()).isEqualTo("en");
        // a signature made with another secret, or over another body, does not verify
        assertThat(WebhookReceiver.verify("whsec_other", nearCalled.timestamp(), nearCalled.rawBody(), nearCalled.signature())).isFalse();
        assertThat(WebhookReceiver.verify(endpoint.secret, nearCalled.timestamp(), nearCalled.rawBody() + " ", nearCalled.signature())).isFalse();
        // nothing made for the patient without consent or without a mobile number
        assertThat(deliveriesOf(Api.id(noConsent))).isZero();
        assertThat(deliveriesOf(Api.id(noMobile))).isZero();

        // the patient's phone says the same; without consent it says nothing about messages
        JsonPath state = given().get("/t/" + later.getString("code") + "/state").then().statusCode(200).extract().jsonPath();
        assertThat(state.getString("messages.en")).startsWith("We sent you a message at").contains("you are called");
        assertThat(given().get("/t/" + noConsent.getString("code") + "/state").then().extract().jsonPath()
                .getString("messages")).isNull();
    }

    @Test
    void theStatusPagePromisesAMessageAtTheServicesNumberOfPlaces() {
        Api.issue(service);
        Api.issue(service);
        Api.issue(service);
        JsonPath waiting = issue(Map.of("mobile", "9876543213", "notifyConsent", true));
        JsonPath state = given().get("/t/" + waiting.getString("code") + "/state").then().statusCode(200).extract().jsonPath();
        assertThat(state.getString("messages.en"))
                .isEqualTo("We will send a message when 2 or fewer are ahead of you, and when you are called.");
        assertThat(state.getString("messages.hi")).contains("2 या कम");
        assertThat(given().get("/t/" + waiting.getString("code")).then().statusCode(200).extract().asString())
                .contains("We will send a message when 2 or fewer are ahead of you");
    }

    @Test
    void aReceiverThatAnswers500IsTriedAgainUntilItTakesTheEvent() throws Exception {
        receiver.failFirst(2);
        JsonPath near = issue(Map.of("mobile", "9876543214", "notifyConsent", true, "language", "en"));

        await().atMost(WITHIN).until(() -> receiver.taken().size() == 1);
        List<WebhookReceiver.Received> got = receiver.received();
        assertThat(got).extracting(WebhookReceiver.Received::answered).containsExactly(500, 500, 200);
        assertThat(got).extracting(WebhookReceiver.Received::eventId).containsOnly(Api.id(near) + "-turn_near");
        assertThat(got).extracting(WebhookReceiver.Received::rawBody).containsOnly(got.get(0).rawBody());
        Delivery d = delivery(Api.id(near));
        assertThat(d.status).isEqualTo(Delivery.Status.SENT);
        assertThat(d.attempts).isEqualTo(3);
        assertThat(d.lastStatusCode).isEqualTo(200);
    }

    @Test
    void anAdminSeesTheLogAndReplaysADelivery() throws Exception {
        JsonPath near = issue(Map.of("mobile", "9876543215", "notifyConsent", true, "language", "en"));
        await().atMost(WITHIN).until(() -> receiver.taken().size() == 1);
        long id = delivery(Api.id(near)).id;

        StaffSession admin = StaffSession.logIn("admin", "admin123");
        String page = admin.open("/admin/notifications").then().statusCode(200).extract().asString();
        assertThat(page).contains("data-delivery=\"" + id + "\" data-status=\"SENT\"").contains(endpoint.name)
                .doesNotContain(endpoint.secret);
        admin.form().post("/admin/notifications/deliveries/" + id + "/replay").then().statusCode(303);

        await().atMost(WITHIN).until(() -> receiver.taken().size() == 2);
        assertThat(receiver.taken()).extracting(WebhookReceiver.Received::eventId).containsOnly(Api.id(near) + "-turn_near");
        assertThat(receiver.taken()).allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
        assertThat(admin.open("/admin/notifications").then().extract().asString()).contains("replayed by admin");

        // a webhook added on the page shows its secret on that answer only
        String added = admin.form().formParam("name", "WhatsApp bridge " + id).formParam("url", "https://example.invalid/hook")
                .post("/admin/notifications/endpoints").then().statusCode(200).extract().asString();
        assertThat(added).contains("data-testid=\"secret\">whsec_");
        assertThat(admin.open("/admin/notifications").then().extract().asString()).contains("WhatsApp bridge " + id)
                .doesNotContain("data-testid=\"secret\"");
        String refused = admin.form().formParam("name", "").formParam("url", "ftp://x")
                .post("/admin/notifications/endpoints").then().statusCode(400).extract().asString();
        assertThat(refused).contains("id=\"url-error\">Must be an http:// or https:// address.");
        QuarkusTransaction.requiringNew().run(() -> WebhookEndpoint.<WebhookEndpoint>list("name", "WhatsApp bridge " + id)
                .forEach(e -> e.active = false));
    }

    @Test
    void readingTheSameJournalAgainAsASecondServerOrAfterARestartMakesNothingTwice() throws Exception {
        JsonPath near = issue(Map.of("mobile", "9876543216", "notifyConsent", true));
        await().atMost(WITHIN).until(() -> receiver.taken().size() == 1);

        // a second webhook added since (a hospital's WhatsApp bridge beside its SMS one) is not told the past again
        WebhookReceiver later = new WebhookReceiver();
        var second = notifications.addEndpoint("added later " + UUID.randomUUID(), later.url(), "test");
        // the shared cursor set back, as a server that never read these entries would find them
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE notify_cursor SET seq = GREATEST(0, seq - 200) WHERE facility = ?1")
                .setParameter(1, facility.code()).executeUpdate());
        // Entries of the other tests of this class come again too. One they read while no webhook was on (between
        // two tests) may make its first delivery now: a patient within reach never told, which is not twice. What
        // must not happen is any event that was told being told again, through either webhook.
        Map<String, Long> toldBefore = toldEvents();
        trigger.readJournal();
        Map<String, Long> toldAfter = toldEvents();
        toldBefore.forEach((event, deliveries) -> assertThat(toldAfter.get(event)).as(event + " told again")
                .isEqualTo(deliveries));
        Thread.sleep(2000);
        String nearEvent = Api.id(near) + "-turn_near";
        assertThat(receiver.received()).extracting(WebhookReceiver.Received::eventId).containsOnlyOnce(nearEvent);
        assertThat(deliveriesOf(Api.id(near))).isEqualTo(1);
        assertThat(later.received()).extracting(WebhookReceiver.Received::eventId).doesNotContain(nearEvent);
        notifications.setActive(second.id, false, "test");
        later.close();
        // and two servers inserting the same event at the same instant: the database keeps one
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("""
                        INSERT INTO notify_delivery (facility, token_id, event, target, journal_seq, body, status,
                            created_at, next_attempt_at) VALUES (?1, ?2, 'TURN_NEAR', ?3, 0, '{}', 'PENDING', NOW(), NOW())""")
                        .setParameter(1, facility.code()).setParameter(2, Api.id(near))
                        .setParameter(3, Delivery.WEBHOOK + endpoint.id).executeUpdate()))
                .hasStackTraceContaining("uk_notify_delivery");
    }

    @Test
    void withNobodyToTellTheCursorStillMovesOnAndNothingIsMade() throws Exception {
        notifications.setActive(endpoint.id, false, "test");
        assertThat(QuarkusTransaction.requiringNew().call(() -> WebhookEndpoint.activeOf(facility.code()))).isEmpty();
        JsonPath near = issue(Map.of("mobile", "9876543217", "notifyConsent", true));
        long issued = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT MAX(seq) FROM journal_entry WHERE facility = ?1 AND token_id = ?2")
                .setParameter(1, facility.code()).setParameter(2, Api.id(near)).getSingleResult()).longValue());

        await().atMost(WITHIN).until(() -> {
            trigger.readJournal();
            return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "SELECT seq FROM notify_cursor WHERE facility = ?1").setParameter(1, facility.code())
                    .getSingleResult()).longValue()) >= issued;
        });
        assertThat(deliveriesOf(Api.id(near))).isZero();
    }

    private JsonPath issue(Map<String, Object> patient) {
        Map<String, Object> body = new HashMap<>(Api.issueBody(service, "GENERAL"));
        body.put("patient", patient);
        return Api.post("/api/tokens", body).then().statusCode(201).extract().jsonPath();
    }

    /** Calls the next patient, who must be {@code expected}, and sees them through. */
    private void serveNext(JsonPath expected) {
        assertThat(Api.callNext(counter).then().statusCode(200).extract().jsonPath().getLong("id")).isEqualTo(Api.id(expected));
        Api.act(Api.id(expected), "complete").then().statusCode(200);
    }

    /** Deliveries per told event ("token-EVENT"), all targets. */
    private Map<String, Long> toldEvents() {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT CONCAT(token_id, '-', event), COUNT(*) FROM notify_delivery GROUP BY token_id, event")
                .getResultList());
        Map<String, Long> told = new HashMap<>();
        rows.forEach(r -> told.put((String) ((Object[]) r)[0], ((Number) ((Object[]) r)[1]).longValue()));
        return told;
    }

    private long deliveriesOf(long tokenId) {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.count("tokenId", tokenId));
    }

    private Delivery delivery(long tokenId) {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>find("tokenId = ?1 and target = ?2",
                tokenId, Delivery.WEBHOOK + endpoint.id).firstResult());
    }
}
