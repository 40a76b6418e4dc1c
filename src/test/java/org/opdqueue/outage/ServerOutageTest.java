package org.opdqueue.outage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.opdqueue.common.Facility;
import org.opdqueue.display.DisplayEvents;
import org.opdqueue.journal.JournalEntry;
import org.opdqueue.journal.JournalEventType;
import org.opdqueue.support.Api;
import org.opdqueue.support.Browser;
import org.opdqueue.support.MutableClock;
import org.opdqueue.support.PastDays;
import org.opdqueue.support.Screens;
import org.opdqueue.support.StaffSession;
import org.opdqueue.support.TestHospital;

/** The server's own outages, recorded from its heartbeat: not running, stopped, frozen; short gaps are not outages. */
@QuarkusTest
@io.quarkus.test.junit.TestProfile(org.opdqueue.support.MidnightDay.class) // fixed times of a calendar day
class ServerOutageTest {

    @TestHTTPResource("/")
    java.net.URI base;

    @Inject
    TestHospital hospital;

    @Inject
    MutableClock clock;

    @Inject
    ServerHeartbeat heartbeat;

    @Inject
    Facility facility;

    @Inject
    DisplayEvents displayEvents;

    @BeforeEach
    void lateMorningYearsBack() {
        // no other test issues tokens on that day, and a few minutes either way stay in the same business day
        LocalDate day = PastDays.unused(ZoneId.of("Asia/Kolkata"), 3000, 3000);
        Instant at = day.atTime(LocalTime.of(11, 0)).atZone(ZoneId.of("Asia/Kolkata")).toInstant();
        clock.advance(Duration.between(clock.instant(), at));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aServerThatWasNotRunningIsRecordedWithTheOfflineTokensIssuedMeanwhile() {
        String service = hospital.service();
        Kiosk kiosk = enrolledKiosk(service);
        kiosk.reserve(20);
        clock.advance(Duration.ofMinutes(10));
        Instant down = now().minus(Duration.ofMinutes(5));
        lastBeat(down, false);

        Instant starting = now();
        heartbeat.started();
        Instant started = now();
        long servers = serverOutages();
        heartbeat.started();
        assertThat(serverOutages()).as("a restart right after records nothing").isEqualTo(servers);
        clock.advance(Duration.ofSeconds(30));
        // the kiosk issued offline while the server was down, and syncs now that it is back
        List<Map<String, Object>> outbox = new ArrayList<>();
        outbox.add(kiosk.item(1, down.minusSeconds(30)));
        for (int n = 2; n <= 16; n++) {
            outbox.add(kiosk.item(n, down.plusSeconds(n * 15L)));
        }
        outbox.add(kiosk.item(17, started.plusSeconds(10)));
        assertThat(kiosk.merge(outbox).getList("results.result")).hasSize(17).containsOnly("created");

        List<Map<String, Object>> recorded = outagesStartingAt(down);
        assertThat(recorded).hasSize(1);
        Map<String, Object> outage = recorded.get(0);
        assertThat(outage.get("kind")).isEqualTo("SERVER");
        assertThat(outage.get("cause")).isEqualTo(ServerHeartbeat.NOT_RUNNING);
        assertThat(Instant.parse((String) outage.get("endedAt"))).isBetween(starting, started);
        assertThat(outage.get("tokens")).isEqualTo(Map.of("KIOSK", 0, "COUNTER", 0, "APPOINTMENT", 0,
                "OFFLINE_KIOSK", 15, "PAPER", 0, "SCAN_SHARE", 0));
        assertThat(outage.get("totalTokens")).isEqualTo(15);

        lastBeat(down, false);
        heartbeat.started();
        assertThat(serverOutages()).as("the same gap again is not recorded twice").isEqualTo(servers);
        assertThat(outagesStartingAt(down)).hasSize(1);
        assertThat(storedBeat().beatAt).as("the start went on to beat").isAfter(started);

        String page = StaffSession.logIn("admin", "admin123").open("/admin/outages").then().statusCode(200)
                .extract().asString();
        long id = ((Number) outage.get("id")).longValue();
        assertThat(page).contains("data-testid=\"kind-" + id + "\" data-kind=\"SERVER\">Server down<",
                "data-testid=\"cause-" + id + "\">" + ServerHeartbeat.NOT_RUNNING + "<");
        try (BrowserContext desk = Browser.deskContext()) {
            Page outages = desk.newPage();
            outages.navigate(base.resolve("/admin/outages").toString());
            Browser.logIn(outages, "admin", "admin123");
            Locator kind = outages.getByTestId("kind-" + id);
            PlaywrightAssertions.assertThat(kind).hasText("Server down");
            kind.scrollIntoViewIfNeeded();
            // a long cause of another outage may widen the table: it scrolls by itself, the page never goes past the screen
            assertThat((Boolean) outages.evaluate("() => document.documentElement.scrollWidth <= innerWidth"))
                    .as("the outages page fits a desk screen").isTrue();
            Screens.keep(outages, "admin-outages");
        }
    }

    @Test
    void aCleanStopIsRecordedAsStoppedAndJournaledWithoutPuttingBoardsInPaperMode() {
        lastBeat(now(), false);
        heartbeat.started();
        heartbeat.stopping();
        Instant down = storedBeat().beatAt;
        assertThat(storedBeat().stopped).isTrue();
        clock.advance(Duration.ofMinutes(3));

        heartbeat.started();

        assertThat(outagesStartingAt(down)).singleElement()
                .satisfies(o -> assertThat(o).containsEntry("kind", "SERVER").containsEntry("cause", ServerHeartbeat.STOPPED));
        JournalEntry entry = QuarkusTransaction.requiringNew().call(() -> JournalEntry.<JournalEntry>find(
                "type = ?1 and detail like ?2", JournalEventType.MODE_CHANGED, "%" + down + "%").singleResult());
        assertThat(entry.detail).startsWith(JournalEntry.OUTAGE_REPLAY + ServerHeartbeat.STOPPED);
        assertThat(displayEvents.translateFromMemory(List.of(entry))).singleElement()
                .satisfies(e -> assertThat(e.mode()).as("a board replaying it").isEqualTo("NORMAL"));
    }

    @Test
    void aHeartbeatLongAfterTheOneBeforeRecordsAFreeze() {
        lastBeat(now(), false);
        heartbeat.started();
        Instant before = now();
        heartbeat.beat();
        Instant frozenFrom = now();
        clock.advance(Duration.ofSeconds(30)); // as kill -STOP, then -CONT

        heartbeat.beat();

        Outage frozen = QuarkusTransaction.requiringNew().call(() -> Outage.<Outage>find(
                "facility = ?1 and kind = ?2 and startedAt between ?3 and ?4", facility.code(), OutageKind.SERVER, before,
                frozenFrom).singleResult());
        assertThat(frozen.cause).isEqualTo(ServerHeartbeat.FROZEN);
        assertThat(frozen.startedAt).isBetween(before, frozenFrom);
        assertThat(Duration.between(frozen.startedAt, frozen.endedAt)).isBetween(Duration.ofSeconds(29), Duration.ofSeconds(31));
        long servers = serverOutages();
        heartbeat.beat();
        assertThat(serverOutages()).isEqualTo(servers);
    }

    @Test
    void gapsShorterThanTheThresholdAndAFreshDatabaseRecordNothing() {
        long servers = serverOutages();
        lastBeat(now().minusSeconds(5), false);
        heartbeat.started();
        heartbeat.beat();
        clock.advance(Duration.ofSeconds(5));
        heartbeat.beat();
        assertThat(serverOutages()).isEqualTo(servers);

        QuarkusTransaction.requiringNew().run(() -> NodeHeartbeat.delete("facility = ?1", facility.code()));
        heartbeat.started();
        assertThat(serverOutages()).isEqualTo(servers);
        NodeHeartbeat beat = storedBeat();
        assertThat(beat.beatAt).isCloseTo(now(), within(5, ChronoUnit.SECONDS));
        assertThat(beat.stopped).isFalse();
    }

    private void lastBeat(Instant at, boolean stopped) {
        QuarkusTransaction.requiringNew().run(() -> NodeHeartbeat.beat(facility.code(), heartbeat.node(), at, stopped));
    }

    private NodeHeartbeat storedBeat() {
        return QuarkusTransaction.requiringNew().call(() -> NodeHeartbeat.of(facility.code(), heartbeat.node()).orElseThrow());
    }

    private long serverOutages() {
        return QuarkusTransaction.requiringNew().call(() -> Outage.count("kind", OutageKind.SERVER));
    }

    private static List<Map<String, Object>> outagesStartingAt(Instant start) {
        List<Map<String, Object>> all = Api.as("admin", "admin123").get("/api/outages").then().statusCode(200)
                .extract().jsonPath().getList("$");
        return all.stream().filter(o -> Instant.parse((String) o.get("startedAt")).equals(start)).toList();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private Kiosk enrolledKiosk(String service) {
        String code = hospital.kiosk();
        JsonPath enrolled = Api.enrol(code);
        return new Kiosk(code, enrolled.getString("key"), enrolled.getString("series"), service);
    }

    /** An enrolled kiosk whose clock is right, so it does not say when it sent a batch. */
    private record Kiosk(String code, String key, String series, String service) {

        void reserve(int count) {
            given().header("Authorization", "Device " + key).contentType(ContentType.JSON)
                    .body(Map.of("serviceCode", service, "count", count)).post("/api/devices/" + code + "/reserve")
                    .then().statusCode(200);
        }

        Map<String, Object> item(int number, Instant issuedAt) {
            return Map.of("requestId", UUID.randomUUID().toString(), "serviceCode", service, "priority", "GENERAL",
                    "offlineNumber", String.format("%s-%s%03d", service, series, number), "issuedAt", issuedAt.toString());
        }

        JsonPath merge(List<Map<String, Object>> tokens) {
            return given().header("Authorization", "Device " + key).contentType(ContentType.JSON)
                    .body(Map.of("tokens", tokens)).post("/api/sync/tokens").then().statusCode(200).extract().jsonPath();
        }
    }
}
