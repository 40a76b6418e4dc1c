package org.opdqueue.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

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
