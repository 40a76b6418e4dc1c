package org.opdqueue.token;

import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import org.opdqueue.common.Facility;
import org.opdqueue.reads.CommittedReadings;
import org.opdqueue.servicepoint.PriorityCategory;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.support.Api;
import org.opdqueue.support.StaffSession;
import org.opdqueue.support.TestHospital;

/**
 * Issuing keeps the service and category it looked up between set-up changes (CommittedReadings.setUp): the very
 * next issue after an admin's change must see it, not a copy kept from before.
 */
@QuarkusTest
class IssuingSeesSetUpChangesTest {

    @Inject
    TestHospital hospital;

    @Inject
    CommittedReadings readings;

    @Inject
    Facility facility;

    @Test
    void aCategoryDeactivatedOnTheAdminPageIsRefusedByTheVeryNextIssue() {
        String service = hospital.service();
        String category = hospital.category(true);
        Api.post("/api/tokens", Api.issueBody(service, category)).then().statusCode(201);
        Api.post("/api/tokens", Api.issueBody(service, category)).then().statusCode(201);

        // the admin page journals the change (SETUP_CHANGED) and tells the readings nothing else
        StaffSession admin = StaffSession.logIn("admin", "admin123");
        long id = PriorityCategory.findByCode(facility.code(), category).orElseThrow().id;
        admin.open("/admin/categories/" + id).then().statusCode(200);
        admin.form().formParam("nameEn", "Test category").formParam("nameHi", "परीक्षण श्रेणी")
                .formParam("lane", "priority").formParam("order", "900").formParam("icon", "none")
                .post("/admin/categories/" + id).then().statusCode(303); // no "active": the box left unticked

        Api.post("/api/tokens", Api.issueBody(service, category)).then().statusCode(400)
                .body("errors[0].field", equalTo("priority"))
                .body("errors[0].message", equalTo("category " + category + " is no longer offered"));
    }

    @Test
    void aServiceRenamedAndThenClosedShowsInTheVeryNextIssue() {
        String service = hospital.service();
        Api.issue(service);
        Api.post("/api/tokens", Api.issueBody(service, "GENERAL")).then().statusCode(201)
                .body("serviceName.en", equalTo("Test service " + service));

        change(service, "Renamed " + service, true);
        Api.post("/api/tokens", Api.issueBody(service, "GENERAL")).then().statusCode(201)
                .body("serviceName.en", equalTo("Renamed " + service));

        change(service, "Renamed " + service, false);
        Api.post("/api/tokens", Api.issueBody(service, "GENERAL")).then().statusCode(404);
    }

    /** As the admin service form does: the change, then the readings told (DisplaySnapshots.forgetNames). */
    private void change(String code, String name, boolean active) {
        QuarkusTransaction.requiringNew().run(() -> {
            ServicePoint s = ServicePoint.findByCode(facility.code(), code).orElseThrow();
            s.nameEn = name;
            s.active = active;
            readings.forget();
        });
    }
}
