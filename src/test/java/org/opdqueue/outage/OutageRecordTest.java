package org.opdqueue.outage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import org.opdqueue.embedded.EmbeddedMariaDb;
import org.opdqueue.support.Api;
import org.opdqueue.support.EmbeddedMariaDbResource;
import org.opdqueue.support.MutableClock;
import org.opdqueue.support.StaffSession;
import org.opdqueue.support.TestHospital;
import org.opdqueue.token.Channel;

/** The outage record: each DEGRADED period with the tokens issued during it per channel, as JSON and on the admin page. */
@QuarkusTest
class OutageRecordTest {

    @Inject
    TestHospital hospital;

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void tokensCountInTheOutageTheyWereIssuedInPerChannel() {
        String service = hospital.service();
        // years back, at a random day: no other test issues tokens there
        clock.advance(Duration.ofDays(-3000 - ThreadLocalRandom.current().nextInt(3000)));
        Instant t0 = now();
        Instant start = t0.plus(Duration.ofMinutes(60));
        Instant end = start.plus(Duration.ofMinutes(40));
        long outage = hospital.outage(start, end, "Connection refused", 3);
        long older = hospital.outage(t0.minus(Duration.ofDays(1)), t0.minus(Duration.ofDays(1)).plusSeconds(75), null, 0);

        issue(service, "KIOSK"); // before the outage
        clock.advance(Duration.ofMinutes(70));
        issue(service, "KIOSK");
        issue(service, "KIOSK");
        issue(service, "COUNTER");
        clock.advance(Duration.ofMinutes(60));
        issue(service, "COUNTER"); // after it
        // merged after the outage, counted by issue time: the start is in the period, the end is not
        Instant merged = end.plus(Duration.ofHours(2));
        hospital.mergedToken(service, Channel.OFFLINE_KIOSK, start.plusSeconds(300), merged);
        hospital.mergedToken(service, Channel.OFFLINE_KIOSK, start.plusSeconds(301), merged);
        hospital.mergedToken(service, Channel.OFFLINE_KIOSK, end.minusNanos(1000), merged);
        hospital.mergedToken(service, Channel.OFFLINE_KIOSK, end, merged);
        hospital.mergedToken(service, Channel.PAPER, start, end.plus(Duration.ofDays(1)));
        hospital.mergedToken(service, Channel.PAPER, start.plus(Duration.ofMinutes(39)), end.plus(Duration.ofDays(1)));
        hospital.mergedToken(service, Channel.PAPER, start.minusNanos(1000), end.plus(Duration.ofDays(1)));
        Map<String, Integer> expected = Map.of("KIOSK", 2, "COUNTER", 1, "APPOINTMENT", 0, "OFFLINE_KIOSK", 3, "PAPER", 2,
                "SCAN_SHARE", 0);

        JsonPath json = Api.as("admin", "admin123").get("/api/outages").then().statusCode(200).extract().jsonPath();
        List<Long> ids = json.getList("id", Long.class);
        assertThat(ids).as("newest first").containsSubsequence(outage, older);
        String row = "find { it.id == " + outage + " }";
        assertThat(json.getMap(row + ".tokens", String.class, Integer.class)).isEqualTo(expected);
        assertThat(json.getInt(row + ".totalTokens")).isEqualTo(8);
        assertThat(json.getLong(row + ".durationSeconds")).isEqualTo(2400);
        assertThat(json.getString(row + ".cause")).isEqualTo("Connection refused");
        assertThat(json.getInt(row + ".relayedCalls")).isEqualTo(3);
        assertThat(Instant.parse(json.getString(row + ".startedAt"))).isEqualTo(start);
        assertThat(json.getInt("find { it.id == " + older + " }.totalTokens")).isZero();

        String page = StaffSession.logIn("admin", "admin123").open("/admin/outages").then().statusCode(200)
                .extract().asString();
        String cells = rowOf(page, outage);
        expected.forEach((channel, n) -> assertThat(cells).contains("data-channel=\"" + channel + "\">" + n + "<"));
        assertThat(cells).contains("<strong>8</strong>", "40 min 00 s", "Connection refused", "<td>3</td>");
        assertThat(rowOf(page, older)).contains("1 min 15 s", "not known", "<strong>0</strong>");
        assertThat(page.indexOf("data-outage=\"" + outage + "\"")).isLessThan(page.indexOf("data-outage=\"" + older + "\""));
    }

    @Test
    void aRealDatabaseOutageIsRecordedWithItsCauseAndShownWhileItLasts() {
        EmbeddedMariaDb db = EmbeddedMariaDbResource.database();
        Assumptions.assumeTrue(db != null, "needs the embedded database, which the test can stop");
        // logged in before the outage: the server remembers who, as it does for counter staff
        StaffSession admin = StaffSession.logIn("admin", "admin123");
        Api.as("admin", "admin123").get("/api/outages").then().statusCode(200);
        JsonPath degraded;
        db.stop();
        try {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/status").then()
                    .body("mode", equalTo("DEGRADED")));
            degraded = given().get("/api/status").then().extract().jsonPath();
            assertThat(degraded.getString("cause")).isNotBlank();

            admin.open("/admin/outages").then().statusCode(200)
                    .body(containsString("data-testid=\"ongoing\""), containsString(html(degraded.getString("cause"))));
            Response other = admin.request().accept("text/html").get("/admin/services");
            assertThat(other.statusCode()).isEqualTo(503);
            assertThat(other.contentType()).startsWith("text/html");
            assertThat(other.asString()).contains("The database cannot be reached", "/admin/services");
            assertThat(other.time()).isLessThan(2_000);
            Api.as("admin", "admin123").get("/api/outages").then().statusCode(503)
                    .body("type", equalTo("/problems/degraded"));
        } finally {
            db.restart();
        }
        Instant since = Instant.parse(degraded.getString("since"));
        JsonPath json = await().atMost(Duration.ofSeconds(20)).until(
                () -> Api.as("admin", "admin123").get("/api/outages").then().extract().jsonPath(),
                j -> j.getList("startedAt", String.class).stream().map(Instant::parse).anyMatch(since::equals));
        assertThat(Instant.parse(json.getString("[0].startedAt"))).as("the newest").isEqualTo(since);
        assertThat(json.getString("[0].cause")).isEqualTo(degraded.getString("cause"));
        assertThat(Instant.parse(json.getString("[0].endedAt"))).isAfter(since);

        String page = admin.open("/admin/outages").then().statusCode(200).extract().asString();
        assertThat(rowOf(page, json.getLong("[0].id"))).contains(html(degraded.getString("cause")));
        admin.open("/admin").then().statusCode(200).body(containsString("Last outage:"));
    }

    @Test
    void onlyAdminsSeeTheRecord() {
        Api.staff().get("/api/outages").then().statusCode(403).body("type", equalTo("/problems/forbidden"));
        given().get("/api/outages").then().statusCode(401);
        StaffSession.logIn("counter1", "counter123").request().accept("text/html").get("/admin/outages").then()
                .statusCode(403).contentType(containsString("text/html")).body(containsString("for administrators"));
        Api.as("admin", "admin123").get("/q/openapi?format=json").then().statusCode(200).body("paths", hasKey("/api/outages"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static void issue(String service, String channel) {
        Api.post("/api/tokens", Map.of("requestId", UUID.randomUUID().toString(), "serviceCode", service,
                "priority", "GENERAL", "channel", channel)).then().statusCode(201);
    }

    private static String rowOf(String page, long outage) {
        Matcher m = Pattern.compile("<tr data-outage=\"" + outage + "\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
        assertThat(m.find()).as("row of outage " + outage).isTrue();
        return m.group(1);
    }

    /** As the page escapes text. */
    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
