package org.opdqueue.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.opdqueue.journal.JournalEntry;
import org.opdqueue.journal.JournalEventType;
import org.opdqueue.support.Api;
import org.opdqueue.support.StaffSession;
import org.opdqueue.support.TestHospital;

/**
 * Issue 12, item 10: an insider with an admin log-in could create an account, raise its role, reset someone's
 * password, switch an account off, enrol or revoke a kiosk and void paper slips, and the journal showed none of it.
 */
@QuarkusTest
class UntracedAdminActionsTest {

    @Inject
    TestHospital hospital;

    @Test
    void staffAccountChangesAreJournaledWithTheAdminWhoMadeThem() {
        long before = lastSeq();
        String user = "ins" + System.nanoTime() % 1_000_000;
        StaffSession admin = StaffSession.logIn("admin", "admin123");
        admin.open("/admin/staff/new");
        admin.form().formParam("username", user).formParam("fullName", "Inside job").formParam("role", "COUNTER")
                .formParam("password", "first-pass-2026").formParam("active", "on").post("/admin/staff/new").then()
                .statusCode(303);
        long id = idOf(user);
        admin.open("/admin/staff/" + id);
        admin.form().formParam("fullName", "Inside job").formParam("role", "ADMIN").formParam("active", "on")
                .post("/admin/staff/" + id).then().statusCode(303);
        admin.open("/admin/staff/" + id);
        admin.form().formParam("password", "second-pass-2026").post("/admin/staff/" + id + "/password").then()
                .statusCode(303);
        admin.open("/admin/staff/" + id);
        admin.form().formParam("fullName", "Inside job").formParam("role", "ADMIN").post("/admin/staff/" + id).then()
                .statusCode(303);

        assertThat(journalSince(before, user)).containsExactly(
                "STAFF_CREATED admin: staff " + user + " created with role COUNTER",
                "STAFF_ROLE_CHANGED admin: role of " + user + " changed from COUNTER to ADMIN",
                "STAFF_PASSWORD_SET admin: password of " + user + " set by admin; to be changed at the next log-in",
                "STAFF_DEACTIVATED admin: staff " + user + " deactivated");
    }

    @Test
    void kioskKeysAndPaperVoidsAreJournaled() {
        long before = lastSeq();
        String kiosk = hospital.kiosk();
        Api.as("admin", "admin123").contentType(ContentType.JSON).post("/api/devices/" + kiosk + "/credential").then().statusCode(200);
        Api.as("admin", "admin123").contentType(ContentType.JSON).delete("/api/devices/" + kiosk + "/credential").then().statusCode(204);

        String service = hospital.service();
        Api.as("admin", "admin123").contentType(ContentType.JSON).body(Map.of("serviceCode", service, "slips", 5))
                .post("/api/paper/books").then().statusCode(201);
        Api.as("registrar", "registrar123").contentType(ContentType.JSON)
                .body(Map.of("number", service + "-P0002", "reason", "torn")).post("/api/paper/voids").then().statusCode(201);

        assertThat(journalSince(before, kiosk)).hasSize(2).first().asString()
                .startsWith("DEVICE_KEY_ISSUED admin: key of kiosk " + kiosk + " issued");
        assertThat(journalSince(before, kiosk)).last().isEqualTo("DEVICE_KEY_REVOKED admin: key of kiosk " + kiosk + " revoked");
        assertThat(journalSince(before, service + "-P0002")).containsExactly(
                "PAPER_SLIP_VOIDED registrar: paper slip " + service + "-P0002 voided: torn");
    }

    @Test
    void boardPcKeysAreJournaledLikeKioskKeys() {
        long before = lastSeq();
        String pc = hospital.boardPc();
        Api.as("admin", "admin123").contentType(ContentType.JSON).post("/api/board-pcs/" + pc + "/key").then().statusCode(200);
        Api.as("admin", "admin123").contentType(ContentType.JSON).delete("/api/board-pcs/" + pc + "/key").then().statusCode(204);

        assertThat(journalSince(before, pc)).containsExactly(
                "DEVICE_KEY_ISSUED admin: key of board PC " + pc + " issued; any earlier key stops working",
                "DEVICE_KEY_REVOKED admin: key of board PC " + pc + " revoked");
    }

    @Test
    void appointmentImportsAreJournaledWithWhoSentThemAndHowManyRows() {
        long before = lastSeq();
        String service = hospital.service();
        StaffSession admin = StaffSession.logIn("admin", "admin123");
        admin.open("/admin/appointments");
        String csv = "appointment_number,service,slot_start\n" + appointment() + "," + service + ",2026-12-03 10:30\n"
                + appointment() + "," + service + ",2026-12-03 10:45\n";
        admin.request().accept("text/html").cookie("csrf-token", admin.csrfCookie())
                .multiPart("csrf-token", admin.csrfToken())
                .multiPart("file", "appointments.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/admin/appointments/import").then().statusCode(200);
        Map<String, Object> one = Map.of("number", appointment(), "service", service, "slotStart",
                "2026-12-03T10:00:00+05:30");
        Api.as("admin", "admin123").contentType(ContentType.JSON).body(one).post("/api/appointments").then()
                .statusCode(200);
        given().header("Authorization", "Bearer test-portal-key").contentType(ContentType.JSON).body(one)
                .post("/api/appointments").then().statusCode(200);

        assertThat(journalSince(before, "imported from")).containsExactly(
                "APPOINTMENTS_IMPORTED admin: appointments imported from a CSV file by admin: 2 rows (2 added, 0 updated, "
                        + "0 cancelled)",
                "APPOINTMENTS_IMPORTED admin: appointments imported from JSON by admin: 1 row (1 added, 0 updated, "
                        + "0 cancelled)",
                "APPOINTMENTS_IMPORTED booking portal: appointments imported from JSON by booking portal: 1 row (0 added, "
                        + "1 updated, 0 cancelled)");
    }

    @Test
    void checkInWindowChangesAreJournaledOldAndNewWithTheAdmin() {
        long before = lastSeq();
        String service = hospital.service();
        StaffSession admin = StaffSession.logIn("admin", "admin123");
        admin.open("/admin/appointments");
        admin.form().formParam("serviceCode", service).formParam("earlyMinutes", "20").formParam("lateMinutes", "5")
                .post("/admin/appointments/window").then().statusCode(200);
        for (int early : new int[] { 20, 45 }) { // the same window again changes nothing, so says nothing
            Api.as("admin", "admin123").contentType(ContentType.JSON).body(Map.of("earlyMinutes", early, "lateMinutes", 5))
                    .put("/api/appointments/windows/" + service).then().statusCode(200);
        }

        assertThat(journalSince(before, service)).containsExactly(
                "CHECK_IN_WINDOW_CHANGED admin: check-in window of " + service + " changed from 30/15 to 20/5 minutes "
                        + "before / after the slot",
                "CHECK_IN_WINDOW_CHANGED admin: check-in window of " + service + " changed from 20/5 to 45/5 minutes "
                        + "before / after the slot");
    }

    private static String appointment() {
        return "A-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Transactional
    long lastSeq() {
        Long seq = JournalEntry.getEntityManager().createQuery("select max(j.seq) from JournalEntry j", Long.class)
                .getSingleResult();
        return seq == null ? 0 : seq;
    }

    @Transactional
    long idOf(String username) {
        return org.opdqueue.staff.StaffUser.findByUsername("DEMO", username).orElseThrow().id;
    }

    @Transactional
    List<String> journalSince(long seq, String about) {
        return JournalEntry.<JournalEntry>list("seq > ?1 and detail like ?2 and type not in ?3 order by seq", seq,
                "% " + about + " %", List.of(JournalEventType.SETUP_CHANGED)).stream()
                .map(e -> e.type + " " + e.actor + ": " + e.detail).toList();
    }
}
