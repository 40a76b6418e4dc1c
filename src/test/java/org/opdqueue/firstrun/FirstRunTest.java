package org.opdqueue.firstrun;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import org.opdqueue.support.Api;
import org.opdqueue.support.BoardClient;
import org.opdqueue.support.EmptyDatabaseResource;
import org.opdqueue.support.StaffSession;

/**
 * A hospital's first day with the product, as the README's "Install for a hospital" tells it, on a brand-new
 * empty database without the demo seed: the bootstrap administrator, the forced password change, the
 * district-hospital set-up file, a kiosk token without a priority, a counter's call, the hall's board.
 */
@QuarkusTest
@TestProfile(FirstRunTest.NewHospital.class)
class FirstRunTest {

    static final String BOOTSTRAP_PASSWORD = "given-once-at-install";
    static final String OWN_PASSWORD = "the-admins-own-secret";

    public static class NewHospital implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("opd.facility.code", "DH-FIRST", "opd.facility.name", "District Hospital, first run",
                    "opd.bootstrap.admin-password", BOOTSTRAP_PASSWORD);
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

    @TestHTTPResource("/")
    URI base;

    @Test
    void anEmptyDatabaseBecomesAWorkingOpdWithoutAnySql() throws Exception {
        // the first start made the standard categories and nothing else a hospital must type
        assertThat(given().get("/api/priority-categories").then().statusCode(200).extract().jsonPath()
                .getList("code", String.class)).containsExactly("GENERAL", "SENIOR_CITIZEN", "DIVYANG", "PREGNANT");
        assertThat(given().get("/api/services").then().statusCode(200).extract().jsonPath().getList("$")).isEmpty();

        // the bootstrap administrator must choose a password before anything else works
        StaffSession.logInAnswer("admin", BOOTSTRAP_PASSWORD).then().statusCode(302);
        StaffSession bootstrap = StaffSession.logIn("admin", BOOTSTRAP_PASSWORD);
        bootstrap.request().accept("text/html").get("/admin").then().statusCode(303)
                .header("Location", endsWith("/account/password"));
        Api.as("admin", BOOTSTRAP_PASSWORD).get("/api/admin/setup").then().statusCode(403)
                .body("type", equalTo("/problems/password-change-required"));
        bootstrap.open("/account/password").then().statusCode(200);
        bootstrap.form().formParam("currentPassword", BOOTSTRAP_PASSWORD).formParam("newPassword", OWN_PASSWORD)
                .formParam("repeatPassword", OWN_PASSWORD).post("/account/password").then().statusCode(303);
        Api.as("admin", BOOTSTRAP_PASSWORD).get("/api/admin/setup").then().statusCode(401);

        // the hospital's set-up from the shipped file: twice, the second time changes nothing
        byte[] file = Files.readAllBytes(Path.of("docs/setup/district-hospital.json"));
        JsonPath applied = admin().body(file).put("/api/admin/setup").then().statusCode(200).extract().jsonPath();
        assertThat(applied.getList("changes")).hasSizeGreaterThan(60);
        admin().body(file).put("/api/admin/setup").then().statusCode(200).body("changes", org.hamcrest.Matchers.empty());

        long room1 = admin().get("/api/counters").then().statusCode(200).extract().jsonPath()
                .getLong("find { it.code == 'R01' }.id");
        long hallA = given().get("/api/boards").then().statusCode(200).extract().jsonPath()
                .getLong("find { it.code == 'HALLA' }.id");
        admin().body(Map.of("state", "OPEN")).put("/api/counters/" + room1 + "/state").then().statusCode(200);

        // the hall's board PC is enrolled like a kiosk: its key, shown once, goes into the board's address
        String boardKey = admin().post("/api/board-pcs/BOARDPC1/key").then().statusCode(200).extract().jsonPath()
                .getString("key");
        try (BoardClient board = BoardClient.connect(base, hallA, null, boardKey)) {
            assertThat(board.next().path("type").asText()).isEqualTo("snapshot");

            // a request that names no priority: the patient is GENERAL (issued by the admin: no kiosk is enrolled yet)
            JsonPath token = admin().body(Map.of("requestId", UUID.randomUUID().toString(),
                    "serviceCode", "MED", "channel", "KIOSK")).post("/api/tokens").then().statusCode(201).extract().jsonPath();
            assertThat(token.getString("number")).isEqualTo("MED-001");
            assertThat(token.getString("priority")).isEqualTo("GENERAL");

            admin().post("/api/counters/" + room1 + "/call-next").then().statusCode(200).body("number", equalTo("MED-001"));
            JsonNode called = nextOfType(board, "called");
            assertThat(called.path("number").asText()).isEqualTo("MED-001");
            assertThat(called.path("counterName").asText()).isEqualTo("Room 1");
        }

        // ABDM Scan & Share: off until an admin saves its page (no row is seeded); then each service has a counter QR
        given().contentType(ContentType.JSON).body("{}").post("/api/v3/hip/patient/share").then().statusCode(404)
                .contentType("application/problem+json");
        StaffSession own = StaffSession.logIn("admin", OWN_PASSWORD);
        own.open("/admin/abdm").then().statusCode(200);
        own.form().formParam("environment", "SANDBOX").formParam("sandboxUrl", "https://dev.abdm.gov.in")
                .formParam("productionUrl", "https://apis.abdm.gov.in").formParam("hipId", "IN0710000001")
                .post("/admin/abdm").then().statusCode(303);
        assertThat(own.open("/admin/abdm").then().statusCode(200).extract().asString())
                .contains("hip-id=IN0710000001&amp;counter-id=MED");
    }

    private static RequestSpecification admin() {
        return Api.as("admin", OWN_PASSWORD).contentType(ContentType.JSON);
    }

    private static JsonNode nextOfType(BoardClient board, String type) {
        for (int i = 0; i < 10; i++) {
            JsonNode message = board.next();
            if (type.equals(message.path("type").asText())) {
                return message;
            }
        }
        throw new AssertionError("no '" + type + "' message on the board: " + board.everything());
    }
}
