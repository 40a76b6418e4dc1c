package org.opdqueue.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.opdqueue.staff.Role;
import org.opdqueue.support.Api;
import org.opdqueue.support.EmptyDatabaseResource;
import org.opdqueue.support.StaffAccounts;
import org.opdqueue.support.TestHospital;

/** The reports on a production database without the demo seed: empty at first, then counting its first token. */
@QuarkusTest
@TestProfile(ReportsWithoutDemoSeedTest.NewHospital.class)
class ReportsWithoutDemoSeedTest {

    public static class NewHospital implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("opd.facility.code", "DH-REPORTS", "opd.facility.day-starts-at", "00:00"); // a calendar day (NightTestDay)
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(EmptyDatabaseResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Inject
    StaffAccounts accounts;

    @Inject
    TestHospital hospital;

    @Test
    void everyReportAnswersOnAnEmptyDatabaseAndCountsTheFirstToken() {
        String admin = accounts.create(Role.ADMIN);
        for (String path : List.of("/api/reports/day", "/api/reports/counters", "/api/reports/range?from=2026-01-01&to="
                + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Kolkata")), "/api/reports/estimates?from=2026-01-01",
                "/api/reports/day.csv", "/api/reports/tokens.csv", "/api/reports/range.csv", "/api/reports/counters.csv")) {
            Api.as(admin, StaffAccounts.PASSWORD).get(path).then().statusCode(200);
        }
        JsonPath empty = Api.as(admin, StaffAccounts.PASSWORD).accept(ContentType.JSON).get("/api/reports/day").then()
                .statusCode(200).extract().jsonPath();
        assertThat(empty.getInt("totals.issued")).isZero();
        assertThat(empty.getList("byService")).isEmpty();
        assertThat(empty.getString("totals.waiting.median")).isNull();

        String service = hospital.service();
        Api.as(admin, StaffAccounts.PASSWORD).contentType(ContentType.JSON).body(Api.issueBody(service, "GENERAL"))
                .post("/api/tokens").then().statusCode(201);
        JsonPath one = Api.as(admin, StaffAccounts.PASSWORD).accept(ContentType.JSON).get("/api/reports/day").then()
                .statusCode(200).extract().jsonPath();
        assertThat(one.getInt("totals.issued")).isEqualTo(1);
        assertThat(one.getString("byService[0].serviceCode")).isEqualTo(service);
    }
}
