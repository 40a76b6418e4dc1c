package org.opdqueue.setup;

import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import org.opdqueue.journal.JournalEntry;
import org.opdqueue.journal.JournalEventType;
import org.opdqueue.staff.Passwords;
import org.opdqueue.staff.Role;
import org.opdqueue.staff.StaffUser;
import org.opdqueue.support.Api;
import org.opdqueue.support.BoardClient;
import org.opdqueue.support.StaffSession;

/**
 * docs/setup/district-hospital.json into a hospital of its own (facility DHTEST, no demo seed) in the shared test
 * database: a production first run, and nothing the demo hospital's tests count is touched.
 */
@QuarkusTest
@TestProfile(DistrictHospitalSetupTest.NewHospital.class)
class DistrictHospitalSetupTest {

    static final String FACILITY = "DHTEST";

    /** A hospital with an empty set-up, as production starts; only its first admin is made by the test. */
    public static class NewHospital implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("opd.facility.code", FACILITY, "opd.facility.name", "Test District Hospital",
                    "opd.demo.seed", "false");
        }
    }

    @Inject
    SetupTables tables;

    @Inject
    Passwords passwords;

    @Inject
    SetupCommand command;

    @Inject
    ObjectMapper json;

    @TestHTTPResource("/")
    URI base;

    @BeforeEach
    void firstAdmin() {
        QuarkusTransaction.requiringNew().run(() -> {
            StaffUser u = StaffUser.findByUsername(FACILITY, "dh.admin").orElseGet(StaffUser::new);
            if (u.id == null) {
                u.facility = FACILITY;
                u.username = "dh.admin";
                u.fullName = "First admin";
                u.passwordHash = passwords.hash("dh-admin-pass");
                u.createdAt = java.time.Instant.now();
            }
            // as it was, should a test that tries to take it away have failed
            u.role = Role.ADMIN;
            u.active = true;
            u.persist();
        });
    }

    static RequestSpecification admin() {
        return Api.as("dh.admin", "dh-admin-pass").contentType(ContentType.JSON);
    }

    static byte[] districtHospital() throws Exception {
        return Files.readAllBytes(Path.of("docs/setup/district-hospital.json"));
    }

    @Test
    void theDistrictHospitalIsDryRunThenSetUpOnceAndAFirstPatientIsCalled() throws Exception {
        Map<String, Long> before = tables.counts(FACILITY);
        long lastSeq = lastSetUpEntry();

        JsonPath dryRun = admin().queryParam("dryRun", true).body(districtHospital()).put("/api/admin/setup")
                .then().statusCode(200).body("dryRun", equalTo(true)).extract().jsonPath();
        assertThat(dryRun.getList("changes.findAll { it.kind == 'service' && it.op == 'create' }")).hasSize(20);
        assertThat(dryRun.getList("changes.findAll { it.kind == 'counter' && it.op == 'create' }")).hasSize(35);
        assertThat(dryRun.getList("changes.findAll { it.kind == 'board' && it.op == 'create' }")).hasSize(2);
        assertThat(dryRun.getList("changes.kind")).contains("category", "device", "staff");
        assertThat(tables.counts(FACILITY)).as("a dry run applies nothing").isEqualTo(before);

        JsonPath applied = admin().body(districtHospital()).put("/api/admin/setup").then().statusCode(200)
                .body("dryRun", equalTo(false)).extract().jsonPath();
        assertThat(applied.getList("changes")).isEqualTo(dryRun.getList("changes"));
        assertThat(applied.getList("needsPassword", String.class))
                .containsExactlyInAnyOrder("it.admin", "registrar1", "registrar2", "med.nurse", "lab.tech");
        Map<String, Long> afterFirst = tables.counts(FACILITY);
        assertThat(afterFirst.get("service_point") - before.get("service_point")).isEqualTo(20);
        assertThat(afterFirst.get("queue_state") - before.get("queue_state")).isEqualTo(20);
        assertThat(afterFirst.get("counter") - before.get("counter")).isEqualTo(35);
        assertThat(afterFirst.get("board") - before.get("board")).isEqualTo(2);
        assertThat(afterFirst.get("device") - before.get("device")).isEqualTo(3);
        assertThat(afterFirst.get("priority_category")).isEqualTo(4);
        assertThat(journaledSince(lastSeq)).hasSize(applied.getList("changes").size())
                .allSatisfy(e -> assertThat(e.actor).isEqualTo("dh.admin"))
                .anySatisfy(e -> assertThat(e.detail).isEqualTo("create service MED"))
                .anySatisfy(e -> assertThat(e.detail).isEqualTo("create staff it.admin"));

        admin().body(districtHospital()).put("/api/admin/setup").then().statusCode(200).body("changes", empty());
        assertThat(tables.counts(FACILITY)).as("the same file again").isEqualTo(afterFirst);

        long room = Api.as("dh.admin", "dh-admin-pass").get("/api/counters").then().statusCode(200).extract().jsonPath()
                .getLong("find { it.code == 'R24' }.id");
        admin().body(Map.of("state", "OPEN")).put("/api/counters/" + room + "/state").then().statusCode(200);
        String number = admin().body(Api.issueBody("ANC", "PREGNANT")).post("/api/tokens").then().statusCode(201)
                .extract().path("number");
        assertThat(number).startsWith("ANC-");
        admin().post("/api/counters/" + room + "/call-next").then().statusCode(200).body("number", equalTo(number));
    }

    @Test
    void aChangedFileUpdatesOnlyWhatChangedAndActiveFalseSwitchesOffWithoutDeleting() {
        Map<String, Object> first = Map.of("format", 1,
                "services", List.of(SetupFileTest.service("UPDS", "UPD")),
                "counters", List.of(Map.of("code", "UPDR", "name", "Room U", "services", List.of("UPDS"))),
                "staff", List.of(Map.of("username", "upd.user", "fullName", "Clerk U", "role", "COUNTER")));
        admin().body(first).put("/api/admin/setup").then().statusCode(200);

        Map<String, Object> second = Map.of("format", 1,
                "services", List.of(Map.of("code", "upds", "active", false)),
                "counters", List.of(Map.of("code", "UPDR", "name", "Room U (new name)", "services", List.of("UPDS"))));
        JsonPath answer = admin().body(second).put("/api/admin/setup").then().statusCode(200).extract().jsonPath();

        assertThat(answer.getList("changes")).containsExactly(
                Map.of("op", "update", "kind", "service", "key", "UPDS", "fields", List.of("active")),
                Map.of("op", "update", "kind", "counter", "key", "UPDR", "fields", List.of("name")));
        JsonPath export = Api.as("dh.admin", "dh-admin-pass").get("/api/admin/setup").then().extract().jsonPath();
        assertThat(export.getBoolean("services.find { it.code == 'UPDS' }.active")).isFalse();
        assertThat(export.getString("services.find { it.code == 'UPDS' }.nameEn")).isEqualTo("Service UPDS");
        assertThat(export.getString("staff.find { it.username == 'upd.user' }.role")).isEqualTo("COUNTER");
    }

    @Test
    void staffFromAFileCannotLogInUntilAnAdminSetsAPassword() {
        Map<String, Object> file = Map.of("format", 1,
                "staff", List.of(Map.of("username", "File.Clerk", "fullName", "Clerk from a file", "role", "REGISTRAR")));
        admin().body(file).put("/api/admin/setup").then().statusCode(200)
                .body("needsPassword", org.hamcrest.Matchers.hasItem("file.clerk"));
        Api.as("file.clerk", "").get("/api/admin/setup").then().statusCode(401);
        Api.as("file.clerk", StaffImport.NO_PASSWORD).get("/api/admin/setup").then().statusCode(401);

        long id = QuarkusTransaction.requiringNew().call(() -> StaffUser.findByUsername(FACILITY, "file.clerk").orElseThrow().id);
        StaffSession admin = StaffSession.logIn("dh.admin", "dh-admin-pass");
        admin.open("/admin/staff/" + id);
        admin.form().formParam("password", "clerk-pass-1").post("/admin/staff/" + id + "/password").then().statusCode(303);

        StaffSession.logIn("file.clerk", "clerk-pass-1");
        admin().body(file).put("/api/admin/setup").then().statusCode(200).body("changes", empty())
                .body("needsPassword", empty());
    }

    @Test
    void anImportedStaffMemberWhosePasswordAnAdminSetsMustChangeItAtTheFirstLogIn() {
        admin().body(Map.of("format", 1, "staff", List.of(Map.of("username", "imp.nurse", "fullName", "Nurse from a file",
                "role", "COUNTER")))).put("/api/admin/setup").then().statusCode(200);
        StaffUser imported = staffMember("imp.nurse");
        assertThat(imported.passwordHash).isEqualTo(StaffImport.NO_PASSWORD).doesNotStartWith("$2");
        assertThat(imported.mustChangePassword).isFalse();

        StaffSession admin = StaffSession.logIn("dh.admin", "dh-admin-pass");
        admin.open("/admin/staff/" + imported.id);
        admin.form().formParam("password", "set-by-admin-1").post("/admin/staff/" + imported.id + "/password").then()
                .statusCode(303);
        assertThat(staffMember("imp.nurse").mustChangePassword).isTrue();

        String landing = StaffSession.logInAnswer("imp.nurse", "set-by-admin-1").getHeader("Location");
        StaffSession nurse = StaffSession.logIn("imp.nurse", "set-by-admin-1");
        nurse.request().accept("text/html").get(URI.create(landing).getPath()).then().statusCode(303)
                .header("Location", endsWith("/account/password"));
        nurse.request().accept("text/html").get("/console").then().statusCode(303)
                .header("Location", endsWith("/account/password"));
        nurse.open("/account/password").then().statusCode(200).body(containsString("data-testid=\"password-required\""));
    }

    @Test
    void theCommandRefusesAFileThatWouldLeaveNoActiveAdminWhoCanLogIn(@TempDir Path dir) throws Exception {
        Map<String, Object> newAdmin = Map.of("username", "cli.admin", "fullName", "Admin from a file", "role", "ADMIN");
        Path deactivating = dir.resolve("deactivating.json");
        json.writeValue(deactivating.toFile(), Map.of("format", 1,
                "staff", List.of(Map.of("username", "dh.admin", "active", false), newAdmin)));
        Path demoting = dir.resolve("demoting.json");
        json.writeValue(demoting.toFile(), Map.of("format", 1,
                "staff", List.of(newAdmin, Map.of("username", "DH.Admin", "role", "counter"))));
        Map<String, Long> before = tables.counts(FACILITY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        assertThat(command.run(List.of("import", deactivating.toString()), new PrintStream(out, true, UTF_8),
                new PrintStream(err, true, UTF_8))).isEqualTo(1);
        assertThat(command.run(List.of("import", demoting.toString()), new PrintStream(out, true, UTF_8),
                new PrintStream(err, true, UTF_8))).isEqualTo(1);

        assertThat(err.toString(UTF_8)).contains("Refused: 1 fault",
                "staff[0].active: After this file no active admin could log in: keep dh.admin an active ADMIN",
                "staff[1].role: After this file no active admin could log in");
        assertThat(tables.counts(FACILITY)).isEqualTo(before);
        assertThat(staffMember("dh.admin").active).isTrue();
        assertThat(staffMember("dh.admin").role).isEqualTo(Role.ADMIN);
    }

    @Test
    void aConnectedBoardGetsItsNewSetUpWithoutReconnecting() throws Exception {
        admin().body(Map.of("format", 1, "services", List.of(SetupFileTest.service("BRDS", "BRD")),
                "boards", List.of(Map.of("code", "BRDHALL", "name", "Hall", "nameHi", "कक्ष", "ticker", "Before",
                        "services", List.of("BRDS"))),
                "devices", List.of(Map.of("code", "BRDPC", "name", "Hall PC", "kind", "BOARD", "active", true))))
                .put("/api/admin/setup").then().statusCode(200);
        long board = io.restassured.RestAssured.given().get("/api/boards").then().extract().jsonPath().getLong("find { it.code == 'BRDHALL' }.id");
        String key = admin().post("/api/board-pcs/BRDPC/key").then().statusCode(200).extract().jsonPath().getString("key");

        try (BoardClient client = BoardClient.connect(base, board, null, key)) {
            assertThat(client.next().path("board").path("ticker").asText()).isEqualTo("Before");

            admin().body(Map.of("format", 1, "boards", List.of(Map.of("code", "BRDHALL", "ticker", "After"))))
                    .put("/api/admin/setup").then().statusCode(200)
                    .body("changes[0].fields", org.hamcrest.Matchers.contains("ticker"));

            JsonNode fresh = client.next(Duration.ofSeconds(5));
            assertThat(fresh.path("type").asText()).isEqualTo("snapshot");
            assertThat(fresh.path("board").path("ticker").asText()).isEqualTo("After");
        }
    }

    private static StaffUser staffMember(String username) {
        return QuarkusTransaction.requiringNew().call(() -> StaffUser.findByUsername(FACILITY, username).orElseThrow());
    }

    private static long lastSetUpEntry() {
        return journaledSince(0).stream().mapToLong(e -> e.seq).max().orElse(0);
    }

    private static List<JournalEntry> journaledSince(long seq) {
        return QuarkusTransaction.requiringNew().call(() -> JournalEntry.<JournalEntry>list(
                "facility = ?1 and type = ?2 and seq > ?3 order by seq", FACILITY, JournalEventType.SETUP_CHANGED, seq));
    }
}
