package org.opdqueue.appointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

import org.opdqueue.support.Api;
import org.opdqueue.support.MutableClock;
import org.opdqueue.support.PastDays;
import org.opdqueue.support.TestHospital;

/**
 * Check-in under the call policy, with the hospital's clock moved: too early is refused with the time to come back, on
 * time takes the slot's place, too late is a walk-in; twice is the same token; no-shows are counted after the window.
 */
@QuarkusTest
@io.quarkus.test.junit.TestProfile(org.opdqueue.support.MidnightDay.class) // fixed times of a calendar day
class CheckInTest {

    static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    @Inject
    TestHospital hospital;

    @Inject
    MutableClock clock;

    LocalDate day;
    String service;

    @BeforeEach
    void aDayOfItsOwn() {
        // a day no other test uses, so its appointments and queues are this test's alone
        day = PastDays.unused(IST, 1000, 8000); // TIMESTAMP: after 1970
        service = hospital.service();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    Instant at(int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(IST).toInstant();
    }

    String book(int hour, int minute, String mobile, String name) {
        String number = AppointmentImportTest.number();
        Map<String, Object> a = new java.util.HashMap<>(Map.of("number", number, "service", service, "slotStart",
                at(hour, minute).toString()));
        if (mobile != null) {
            a.put("mobile", mobile);
        }
        if (name != null) {
            a.put("patientName", name);
        }
        AppointmentImportTest.post(a).statusCode(200);
        return number;
    }

    static ValidatableResponse checkIn(Object body) {
        return Api.kiosk().contentType(ContentType.JSON).body(body).post("/api/appointments/check-in").then();
    }

    @Test
    void tooEarlyIsRefusedWithTheTimeCheckInOpens() {
        String number = book(10, 0, null, null);
        clock.freezeAt(at(9, 20));
        checkIn(Map.of("number", number)).statusCode(409).body("type", equalTo("/problems/appointment-too-early"))
                .body("detail", containsString("opens at 09:30"));
        clock.freezeAt(at(9, 30));
        checkIn(Map.of("number", number)).statusCode(201).body("token.channel", equalTo("APPOINTMENT"))
                .body("lateWalkIn", equalTo(false));
    }

    @Test
    void onTimeTakesTheSlotsPlaceAheadOfAWalkInWhoCameAfterTheSlot() {
        String number = book(10, 0, null, null);
        clock.freezeAt(at(9, 50));
        String before = Api.issue(service).getString("number"); // waiting since before the slot
        clock.freezeAt(at(10, 5));
        String after = Api.issue(service).getString("number");
        clock.freezeAt(at(10, 12)); // 12 minutes late, within the 15-minute window
        JsonPath checkedIn = checkIn(Map.of("number", number)).statusCode(201).extract().jsonPath();
        assertThat(checkedIn.getBoolean("lateWalkIn")).isFalse();
        assertThat(checkedIn.getInt("token.peopleAhead")).isEqualTo(1);

        assertThat(callOrder()).containsExactly(before, checkedIn.getString("token.number"), after);
    }

    @Test
    void tooLateIsIssuedAsAWalkInQueuedFromNow() {
        String number = book(10, 0, null, null);
        clock.freezeAt(at(10, 16));
        String walkIn = Api.issue(service).getString("number");
        clock.freezeAt(at(10, 20));
        JsonPath late = checkIn(Map.of("number", number)).statusCode(201).extract().jsonPath();
        assertThat(late.getBoolean("lateWalkIn")).isTrue();
        assertThat(late.getString("token.channel")).isEqualTo("APPOINTMENT");
        assertThat(callOrder()).containsExactly(walkIn, late.getString("token.number"));
    }

    @Test
    void checkingInTwiceAnswersTheSameTokenAtTheKioskAndTheConsole() {
        String number = book(10, 0, "9811122233", "Meena Kumari");
        clock.freezeAt(at(9, 45));
        long id = checkIn(Map.of("number", number)).statusCode(201).extract().jsonPath().getLong("token.id");
        checkIn(Map.of("number", number)).statusCode(200).body("token.id", equalTo((int) id)).body("created", equalTo(false));
        Api.staff().contentType(ContentType.JSON).body(Map.of("number", number)).post("/api/appointments/check-in")
                .then().statusCode(200).body("token.id", equalTo((int) id));
        String choice = Api.kiosk().contentType(ContentType.JSON).body(Map.of("query", "9811122233"))
                .post("/api/appointments/find").then().statusCode(200).extract().path("[0].choice");
        checkIn(Map.of("choice", choice)).statusCode(200).body("token.id", equalTo((int) id));
    }

    @Test
    void aCancelledAppointmentCannotCheckInAndAnotherDaysIsNotFoundAtTheKiosk() {
        String number = book(10, 0, null, null);
        AppointmentImportTest.post(Map.of("number", number, "service", service, "slotStart", at(10, 0).toString(),
                "status", "cancelled")).statusCode(200);
        clock.freezeAt(at(9, 50));
        checkIn(Map.of("number", number)).statusCode(409).body("type", equalTo("/problems/appointment-cancelled"));

        String tomorrow = book(10, 0, null, null);
        clock.freezeAt(at(9, 50).minusSeconds(86_400));
        checkIn(Map.of("number", tomorrow)).statusCode(404);
        Api.staff().contentType(ContentType.JSON).body(Map.of("number", tomorrow)).post("/api/appointments/check-in")
                .then().statusCode(409).body("detail", containsString("not today"));
    }

    @Test
    void aKioskLookingUpAMobileSeesOnlyTodaysWithInitialsAndTimes() {
        String mobile = "9" + (100_000_000 + ThreadLocalRandom.current().nextInt(899_999_999));
        book(10, 0, mobile, "Asha Devi");
        book(11, 30, mobile, "Ravi Kumar");
        clock.freezeAt(at(9, 0));
        book(10, 0, mobile, null); // and one tomorrow, booked today
        AppointmentImportTest.post(Map.of("number", AppointmentImportTest.number(), "service", service,
                "slotStart", at(10, 0).plusSeconds(86_400).toString(), "mobile", mobile)).statusCode(200);

        Api.kiosk().contentType(ContentType.JSON).body(Map.of("query", mobile)).post("/api/appointments/find").then()
                .statusCode(200).body("", hasSize(3)).body("[0].initials", equalTo("A.D.")).body("[0].patientName", nullValue())
                .body("[0].mobile", nullValue()).body("[0].number", nullValue())
                .body("[0].checkInFrom", equalTo(at(9, 30).toString()));
        Api.staff().contentType(ContentType.JSON).body(Map.of("query", mobile)).post("/api/appointments/find").then()
                .statusCode(200).body("", hasSize(4)).body("[0].patientName", equalTo("Asha Devi"));
    }

    @Test
    void aServicesOwnWindowCountsOverTheDefaults() {
        String number = book(10, 0, null, null);
        Api.as("admin", "admin123").contentType(ContentType.JSON).body(Map.of("earlyMinutes", 5, "lateMinutes", 0))
                .put("/api/appointments/windows/" + service).then().statusCode(200).body("earlyMinutes", equalTo(5));
        Api.as("admin", "admin123").contentType(ContentType.JSON).body(Map.of("earlyMinutes", -1, "lateMinutes", 0))
                .put("/api/appointments/windows/" + service).then().statusCode(400)
                .body("errors[0].field", equalTo("earlyMinutes"));
        clock.freezeAt(at(9, 50));
        checkIn(Map.of("number", number)).statusCode(409).body("detail", containsString("opens at 09:55"));
        clock.freezeAt(at(10, 1));
        checkIn(Map.of("number", number)).statusCode(201).body("lateWalkIn", equalTo(true));
    }

    @Test
    void appointmentsNotCheckedInByTheEndOfTheirLateWindowAreNoShows() {
        String came = book(9, 0, null, null);
        book(9, 30, null, null); // never came: its window closed at 09:45
        book(9, 50, null, null); // still within its window at 10:00
        book(11, 0, null, null); // later today
        String cancelled = book(9, 0, null, null);
        AppointmentImportTest.post(Map.of("number", cancelled, "service", service, "slotStart", at(9, 0).toString(),
                "status", "cancelled")).statusCode(200);
        clock.freezeAt(at(9, 5));
        checkIn(Map.of("number", came)).statusCode(201);
        clock.freezeAt(at(10, 0));

        JsonPath report = Api.as("admin", "admin123").get("/api/reports/appointments?date=" + day).then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> line = report.getMap("services.find { it.serviceCode == '" + service + "' }");
        assertThat(line).containsEntry("booked", 4).containsEntry("checkedIn", 1).containsEntry("noShows", 1)
                .containsEntry("toCome", 2).containsEntry("cancelled", 1).containsEntry("lateWalkIns", 0);

        clock.freezeAt(at(12, 0));
        assertThat(Api.as("admin", "admin123").get("/api/reports/appointments?date=" + day).then().statusCode(200)
                .extract().jsonPath().getInt("services.find { it.serviceCode == '" + service + "' }.noShows")).isEqualTo(3);
        Api.staff().get("/api/reports/appointments?date=" + day).then().statusCode(403);
    }

    private List<String> callOrder() {
        return Api.staff().get("/api/queues/" + service).then().statusCode(200).extract().path("waiting.number");
    }
}
