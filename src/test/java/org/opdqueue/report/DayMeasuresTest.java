package org.opdqueue.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.opdqueue.counter.CounterState;
import org.opdqueue.support.Api;
import org.opdqueue.support.MutableClock;
import org.opdqueue.support.PastDays;
import org.opdqueue.support.TestHospital;
import org.opdqueue.token.Channel;

/**
 * Each measure against a small day worked out by hand (the clock stands still between steps, so every duration is
 * exact): a no-show who comes back, a no-show who does not, a transfer, a cancel, an offline kiosk token merged after
 * an outage and a paper slip never called. Times are IST on a day years back that no other test uses.
 */
@QuarkusTest
@io.quarkus.test.junit.TestProfile(org.opdqueue.support.MidnightDay.class) // fixed times of a calendar day
class DayMeasuresTest {

    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    @Inject
    TestHospital hospital;

    @Inject
    MutableClock clock;

    LocalDate day;
    Instant nine;
    String a;
    String b;
    long c1;
    long c2;

    @BeforeEach
    void aSmallDay() {
        day = PastDays.unused(IST, 6000, 3000);
        nine = day.atTime(LocalTime.of(9, 0)).atZone(IST).toInstant();
        clock.freezeAt(nine);
        a = hospital.service(2);
        b = hospital.service(2);
        c1 = hospital.counter(CounterState.CLOSED, a);
        c2 = hospital.counter(CounterState.CLOSED, b);
        state(c1, "OPEN");
        state(c2, "OPEN");
        long a1 = Api.id(Api.issue(a));
        at(1);
        long a2 = Api.id(Api.issue(a));
        at(2);
        long a3 = Api.id(Api.issue(a, "SENIOR_CITIZEN"));
        at(3);
        long a4 = Api.id(Api.issue(a));
        at(4);
        long a5 = Api.id(Api.issue(a));
        hospital.outage(nine.minus(Duration.ofMinutes(30)), nine.minus(Duration.ofMinutes(10)), "Connection refused", 0);
        long m1 = hospital.mergedToken(a, Channel.OFFLINE_KIOSK, nine.minus(Duration.ofMinutes(20)), instant(4));
        hospital.mergedToken(a, Channel.PAPER, nine.minus(Duration.ofMinutes(15)), instant(4));
        at(10);
        call(c1, a1);
        at(11);
        act(a1, "start");
        at(21);
        act(a1, "complete");
        at(22);
        call(c1, a2);
        at(25);
        act(a2, "no-show");
        at(26);
        act(a2, "requeue");
        at(27);
        call(c1, a3);
        at(28);
        act(a3, "start");
        at(33);
        Api.act(a3, "transfer", Map.of("serviceCode", b)).then().statusCode(200);
        at(35);
        call(c1, a2);
        at(36);
        act(a2, "start");
        at(46);
        act(a2, "complete");
        at(47);
        act(a4, "cancel");
        at(50);
        call(c2, a3);
        at(52);
        act(a3, "start");
        at(60);
        act(a3, "complete");
        at(62);
        call(c1, m1);
        at(63);
        act(m1, "start");
        at(65);
        act(m1, "complete");
        at(66);
        call(c1, a5);
        at(67);
        act(a5, "no-show");
        at(70);
        state(c1, "CLOSED");
        state(c2, "CLOSED");
        at(120);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theDayReportHasTheHandComputedFigures() {
        JsonPath r = admin("/api/reports/day?date=" + day);
        assertThat(r.getString("date")).isEqualTo(day.toString());
        // 7 tokens: A1..A5 issued at the counter, M1 offline kiosk (08:40), P1 paper (08:45, never called)
        assertThat(r.getInt("totals.issued")).isEqualTo(7);
        assertThat(r.getInt("totals.completed")).isEqualTo(4); // A1, A2 (back after its no-show), A3 (in B), M1
        assertThat(r.getInt("totals.noShow")).isEqualTo(1); // A5 never came back
        assertThat(r.getInt("totals.cancelled")).isEqualTo(1); // A4
        assertThat(r.getDouble("totals.noShowRate")).isEqualTo(0.143);
        assertThat(r.getDouble("totals.cancelRate")).isEqualTo(0.143);
        assertThat(r.getInt("totals.transferred")).isEqualTo(1);
        assertThat(r.getInt("totals.returnedAfterNoShow")).isEqualTo(1);
        // waits: A1 600, A2 1260 (to its first call), A3 1500 in A and 1020 in B, A5 3720, M1 4920 (from 08:40)
        assertThat(spread(r, "totals.waiting")).containsExactly(1260L, 4920L, 4920L);
        // service: A1 600, A3 300 in A (started, then sent on), A2 600, A3 480 in B, M1 120
        assertThat(spread(r, "totals.service")).containsExactly(480L, 600L, 600L);

        String inA = "byService.find { it.serviceCode == '" + a + "' }";
        assertThat(r.getInt(inA + ".issued")).isEqualTo(7);
        assertThat(r.getInt(inA + ".transferredIn")).isZero();
        assertThat(r.getInt(inA + ".completed")).isEqualTo(3);
        assertThat(r.getInt(inA + ".noShow")).isEqualTo(1);
        assertThat(r.getInt(inA + ".cancelled")).isEqualTo(1);
        assertThat(spread(r, inA + ".waiting")).containsExactly(1500L, 4920L, 4920L);
        assertThat(spread(r, inA + ".service")).containsExactly(300L, 600L, 600L);
        String inB = "byService.find { it.serviceCode == '" + b + "' }";
        assertThat(r.getInt(inB + ".issued")).isZero();
        assertThat(r.getInt(inB + ".transferredIn")).isEqualTo(1);
        assertThat(r.getInt(inB + ".completed")).isEqualTo(1);
        assertThat(spread(r, inB + ".waiting")).containsExactly(1020L, 1020L, 1020L);
        assertThat(spread(r, inB + ".service")).containsExactly(480L, 480L, 480L);
        assertThat(r.getList("byService")).hasSize(2);

        assertThat(r.getInt("byHour.find { it.hour == 8 }.arrivals")).isEqualTo(2);
        assertThat(r.getInt("byHour.find { it.hour == 9 }.arrivals")).isEqualTo(5);
        assertThat(r.getInt("byHour.find { it.hour == 9 }.completions")).isEqualTo(2); // A1 09:21, A2 09:46
        assertThat(r.getInt("byHour.find { it.hour == 10 }.completions")).isEqualTo(2); // A3 10:00, M1 10:05
        assertThat(spread(r, "byHour.find { it.hour == 8 }.waiting")).containsExactly(4920L, 4920L, 4920L);
        assertThat(spread(r, "byHour.find { it.hour == 9 }.waiting")).containsExactly(1260L, 3720L, 3720L);
        assertThat(r.getList("byHour")).hasSize(24);

        assertThat(r.getInt("byChannel.find { it.channel == 'COUNTER' }.issued")).isEqualTo(5);
        assertThat(r.getInt("byChannel.find { it.channel == 'OFFLINE_KIOSK' }.issued")).isEqualTo(1);
        assertThat(r.getInt("byChannel.find { it.channel == 'PAPER' }.issued")).isEqualTo(1);
        assertThat(r.getInt("byChannel.find { it.channel == 'KIOSK' }.issued")).isZero();
        assertThat(r.getInt("byCategory.find { it.category == 'GENERAL' }.issued")).isEqualTo(6);
        assertThat(spread(r, "byCategory.find { it.category == 'SENIOR_CITIZEN' }.waiting"))
                .containsExactly(1020L, 1500L, 1500L);

        // the outage 08:30–08:50: M1 (08:40) by its issue time; P1 (08:45) too
        assertThat(r.getList("outages")).hasSize(1);
        assertThat(r.getInt("outages[0].tokensByChannel.OFFLINE_KIOSK")).isEqualTo(1);
        assertThat(r.getInt("outages[0].tokensByChannel.PAPER")).isEqualTo(1);
        assertThat(r.getString("outages[0].from")).isEqualTo(day + "T08:30:00+05:30");
        assertThat(r.getString("outages[0].kind")).isEqualTo("DATABASE");

        // told at issue (one counter open, 300 s default per patient): A1 0, A2 5, A3 0 (priority), A4 15, A5 20 min;
        // waited 10, 21, 25, (cancelled), 62 min: errors 10, 16, 25, 42
        String told = "estimate.byService.find { it.serviceCode == '" + a + "' }";
        assertThat(r.getInt(told + ".tokens")).isEqualTo(4);
        assertThat(r.getDouble(told + ".medianAbsErrorMinutes")).isEqualTo(16.0);
        assertThat(r.getDouble(told + ".within10MinShare")).isEqualTo(0.25);
        assertThat(r.getDouble(told + ".biasMinutes")).isEqualTo(23.25);
    }

    @Test
    void theCounterReportHasOpenAndServingTimeFromTheJournal() {
        JsonPath r = admin("/api/reports/counters?date=" + day);
        String one = "counters.find { it.counterId == " + c1 + " }";
        assertThat(r.getLong(one + ".openSeconds")).isEqualTo(4200); // 09:00–10:10
        assertThat(r.getLong(one + ".servingSeconds")).isEqualTo(1620); // 600 + 300 + 600 + 120
        assertThat(r.getDouble(one + ".utilisation")).isEqualTo(0.386);
        assertThat(r.getInt(one + ".completed")).isEqualTo(3);
        assertThat(spread(r, one + ".service")).containsExactly(300L, 600L, 600L);
        assertThat(r.getString(one + ".byStaff[0].staff")).isEqualTo(Api.STAFF_USER);
        assertThat(r.getInt(one + ".byStaff[0].completed")).isEqualTo(3);
        String two = "counters.find { it.counterId == " + c2 + " }";
        assertThat(r.getLong(two + ".openSeconds")).isEqualTo(4200);
        assertThat(r.getLong(two + ".servingSeconds")).isEqualTo(480);
        assertThat(r.getDouble(two + ".utilisation")).isEqualTo(0.114);
    }

    @Test
    void aClosedDayKeptInItsRollUpHasTheSameFiguresAsLive() {
        JsonPath live = admin("/api/reports/day?date=" + day);
        JsonPath liveCounters = admin("/api/reports/counters?date=" + day);
        clock.freezeAt(nine.plus(Duration.ofDays(1))); // the next day: the day is closed and gets rolled up
        JsonPath kept = admin("/api/reports/day?date=" + day);
        assertThat(kept.getMap("totals")).isEqualTo(live.getMap("totals"));
        assertThat(kept.getList("byService")).isEqualTo(live.getList("byService"));
        assertThat(kept.getList("byHour")).isEqualTo(live.getList("byHour"));
        assertThat(kept.getList("estimate.byService")).isEqualTo(live.getList("estimate.byService"));
        assertThat(admin("/api/reports/counters?date=" + day).getList("counters"))
                .isEqualTo(liveCounters.getList("counters"));

        JsonPath range = admin("/api/reports/range?from=" + day.minusDays(1) + "&to=" + day);
        assertThat(range.getList("days")).hasSize(2);
        assertThat(range.getInt("days[1].issued")).isEqualTo(7);
        assertThat(range.getInt("days[1].completed")).isEqualTo(4);
        assertThat(range.getLong("days[1].waitingMedian")).isEqualTo(1260);
        assertThat(range.getInt("days[0].issued")).isZero();
        int weekday = day.getDayOfWeek().getValue();
        assertThat(range.getDouble("heatmap.find { it.weekday == " + weekday + " && it.hour == 9 }.arrivals"))
                .isEqualTo(5.0);
        assertThat(range.getList("heatmap")).hasSize(7 * 24);

        JsonPath estimates = admin("/api/reports/estimates?from=" + day + "&to=" + day);
        assertThat(estimates.getDouble("byService.find { it.serviceCode == '" + a + "' }.medianAbsErrorMinutes"))
                .isEqualTo(16.0);
    }

    static JsonPath admin(String path) {
        return Api.as("admin", "admin123").accept(ContentType.JSON).get(path).then().statusCode(200).extract().jsonPath();
    }

    static List<Long> spread(JsonPath r, String path) {
        return List.of(r.getLong(path + ".median"), r.getLong(path + ".p90"), r.getLong(path + ".max"));
    }

    private Instant instant(int minutesAfterNine) {
        return nine.plus(Duration.ofMinutes(minutesAfterNine));
    }

    private void at(int minutesAfterNine) {
        clock.freezeAt(instant(minutesAfterNine));
    }

    private static void state(long counter, String state) {
        Api.as("admin", "admin123").contentType(ContentType.JSON).body(Map.of("state", state))
                .put("/api/counters/" + counter + "/state").then().statusCode(200);
    }

    private static void call(long counter, long token) {
        Api.staff().contentType(ContentType.JSON).body(Map.of("tokenId", token))
                .post("/api/counters/" + counter + "/call").then().statusCode(200);
    }

    private static void act(long token, String action) {
        Api.act(token, action).then().statusCode(200);
    }
}
