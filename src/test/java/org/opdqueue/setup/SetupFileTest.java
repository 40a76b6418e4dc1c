package org.opdqueue.setup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import org.opdqueue.support.Api;

/** The demo hospital's set-up as a file: read back in it changes nothing; a bad file changes nothing either. */
@QuarkusTest
class SetupFileTest {

    private static final String FACILITY = "DEMO";

    @Inject
    SetupTables tables;

    @Inject
    SetupCommand command;

    @Inject
    ObjectMapper json;

    static RequestSpecification admin() {
        return Api.as("admin", "admin123");
    }

    @Test
    void anExportReadBackInChangesNothing() {
        byte[] file = admin().get("/api/admin/setup").then().statusCode(200).extract().asByteArray();
        Map<String, Long> before = tables.counts(FACILITY);

        admin().contentType(ContentType.JSON).body(file).put("/api/admin/setup").then().statusCode(200)
                .body("dryRun", equalTo(false)).body("changes", empty());

        assertThat(tables.counts(FACILITY)).isEqualTo(before);
        byte[] again = admin().get("/api/admin/setup").then().statusCode(200).extract().asByteArray();
        assertThat(new String(again, StandardCharsets.UTF_8)).isEqualTo(new String(file, StandardCharsets.UTF_8));
    }

    @Test
    void theExportNamesEverythingByCodeAndCarriesNoIdOrSecret() throws Exception {
        String text = admin().get("/api/admin/setup").then().statusCode(200).contentType(ContentType.JSON)
                .extract().asString();
        JsonNode doc = json.readTree(text);
        assertThat(doc.path("format").asInt()).isEqualTo(1);
        assertThat(doc.path("facility").asText()).isEqualTo(FACILITY);
        JsonPath file = JsonPath.from(text);
        assertThat(file.getString("services.find { it.code == 'MED' }.nameHi")).isEqualTo("सामान्य चिकित्सा");
        assertThat(file.getString("services.find { it.code == 'MED' }.opensAt")).isEqualTo("08:00");
        assertThat(file.getList("counters.find { it.code == 'C12' }.services")).containsExactly("LAB", "MED");
        assertThat(file.getList("boards.find { it.code == 'HALLB' }.services")).containsExactly("ENT", "GYN", "PAED");
        assertThat(file.getList("boards.find { it.code == 'HALLA' }.counters")).contains("R01", "C12");
        assertThat(file.getString("categories.find { it.code == 'SENIOR_CITIZEN' }.icon")).isEqualTo("SENIOR_CITIZEN");
        assertThat(file.getBoolean("categories.find { it.code == 'SENIOR_CITIZEN' }.priority")).isTrue();
        assertThat(file.getString("devices.find { it.code == 'BOARDA' }.kind")).isEqualTo("BOARD");
        assertThat(file.getString("staff.find { it.username == 'admin' }.role")).isEqualTo("ADMIN");
        assertThat(text).doesNotContain("\"id\"", "password", "secret", "$2a$", "\"state\"", "OPEN");
        // a device key only as its hash (so that a restored set-up lets the same kiosk in), never the key itself
        assertThat(text.replace("\"keyHash\"", "")).doesNotContain("Hash");
        assertThat(file.getString("devices.find { it.code == 'KIOSK1' }.keyHash"))
                .isEqualTo(org.opdqueue.common.Hashes.sha256Hex("demo-kiosk-1"));
        assertThat(text).doesNotContain("demo-kiosk-1");
    }

    @Test
    void theFileCarriesTheHindiRoomsAndTheKioskPlaceAndPictureAndAppliesThem() {
        JsonPath exported = JsonPath.from(admin().get("/api/admin/setup").then().statusCode(200).extract().asString());
        assertThat(exported.getString("services.find { it.code == 'MED' }.roomHintHi")).isEqualTo("कमरा 1–3, भूतल");
        assertThat(exported.getString("services.find { it.code == 'ENT' }.pictogram")).isEqualTo("ENT");
        assertThat(exported.getInt("services.find { it.code == 'ORTH' }.order")).isEqualTo(10);
        assertThat(exported.getString("counters.find { it.code == 'R01' }.nameHi")).isEqualTo("कमरा 1");

        Map<String, Object> file = Map.of("format", 1, "facility", FACILITY,
                "services", List.of(Map.of("code", "SFHI1", "nameEn", "Skin", "nameHi", "त्वचा रोग", "prefix", "SFH",
                        "roomHint", "Room 30", "roomHintHi", "कमरा 30", "order", 3, "pictogram", "skin")),
                "counters", List.of(Map.of("code", "SFHR1", "name", "Room 30", "nameHi", "कमरा 30", "services", List.of("SFHI1"))));
        admin().contentType(ContentType.JSON).body(file).put("/api/admin/setup").then().statusCode(200);
        JsonPath after = JsonPath.from(admin().get("/api/admin/setup").then().statusCode(200).extract().asString());
        assertThat(after.getString("services.find { it.code == 'SFHI1' }.roomHintHi")).isEqualTo("कमरा 30");
        assertThat(after.getString("services.find { it.code == 'SFHI1' }.pictogram")).isEqualTo("SKIN");
        assertThat(after.getInt("services.find { it.code == 'SFHI1' }.order")).isEqualTo(3);
        assertThat(after.getString("counters.find { it.code == 'SFHR1' }.nameHi")).isEqualTo("कमरा 30");

        Map<String, Object> bad = Map.of("format", 1, "facility", FACILITY,
                "services", List.of(Map.of("code", "SFHI1", "pictogram", "ROCKET")));
        admin().contentType(ContentType.JSON).body(bad).put("/api/admin/setup").then().statusCode(400)
                .body("errors[0].field", equalTo("services[0].pictogram"));

        // off the kiosk again, so the kiosk tests that share this database see no extra department
        admin().contentType(ContentType.JSON).body(Map.of("format", 1, "facility", FACILITY,
                "services", List.of(Map.of("code", "SFHI1", "active", false)))).put("/api/admin/setup").then().statusCode(200);
    }

    @Test
    void aBadFileIsRefusedWholeWithEveryFaultAtItsPath() {
        Map<String, Object> file = Map.of("format", 1, "facility", FACILITY,
                "categories", List.of(Map.of("code", "GENERAL", "priority", true)),
                "services", List.of(
                        service("SFOK1", "SFK1"),
                        Map.of("code", "bad code", "nameEn", "Cardiology", "nameHi", "हृदय रोग", "prefix", "TOOLONG"),
                        service("SFOK1", "SFK2"),
                        service("SFOK3", "MED")),
                "counters", List.of(
                        Map.of("code", "SFR1", "name", "Room SF1", "services", List.of("SFOK1", "XYZ")),
                        Map.of("code", "SFR2", "name", " ", "services", List.of("MED"))),
                "boards", List.of(Map.of("code", "SFB1", "name", "Hall SF", "nameHi", "कक्ष", "counters", List.of("NOPE"))),
                "devices", List.of(Map.of("code", "SFK1", "name", "Kiosk SF", "kind", "PHONE")),
                "staff", List.of(Map.of("username", "sf.clerk", "fullName", "Clerk", "role", "BOSS"),
                        Map.of("username", "X", "fullName", "Too short", "role", "COUNTER")));
        Map<String, Long> before = tables.counts(FACILITY);

        JsonPath problem = admin().contentType(ContentType.JSON).body(file).put("/api/admin/setup").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("/problems/invalid-input"))
                .extract().jsonPath();

        assertThat(problem.getList("errors.field", String.class)).containsExactly(
                "categories[0].priority",
                "services[1].code", "services[1].prefix",
                "services[2].code",
                "services[3].prefix",
                "counters[0].services[1]",
                "counters[1].name",
                "boards[0].counters[0]",
                "devices[0].kind",
                "staff[0].role",
                "staff[1].username");
        assertThat(problem.getString("errors.find { it.field == 'counters[0].services[1]' }.message"))
                .contains("Unknown service 'XYZ'");
        assertThat(problem.getString("errors.find { it.field == 'services[2].code' }.message"))
                .contains("appears twice", "services[0]");
        assertThat(problem.getString("errors.find { it.field == 'services[3].prefix' }.message")).contains("MED");
        assertThat(problem.getString("detail")).contains("11 faults", "nothing was changed");
        assertThat(tables.counts(FACILITY)).isEqualTo(before);
        given().get("/api/services").then().body("code", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("SFOK1")));
    }

    @Test
    void aCategoryInAFileIsHeldToTheRulesOfTheCategoriesPage() {
        Map<String, Object> fine = Map.of("code", "SF_FINE", "nameEn", "Fine", "nameHi", "ठीक", "priority", true,
                "icon", "divyang");
        Map<String, Object> file = Map.of("format", 1, "categories", List.of(
                Map.of("code", "9_LIVES", "nameEn", "Nine", "nameHi", "नौ", "priority", true),
                Map.of("code", "SF_NOLANE", "nameEn", "No lane", "nameHi", "कोई नहीं", "icon", "ROCKET"),
                Map.of("code", "GENERAL", "active", false),
                fine));

        JsonPath problem = admin().contentType(ContentType.JSON).queryParam("dryRun", true).body(file)
                .put("/api/admin/setup").then().statusCode(400).extract().jsonPath();

        assertThat(problem.getList("errors.field", String.class)).containsExactly("categories[0].code",
                "categories[1].icon", "categories[1].priority", "categories[2].active");
        assertThat(problem.getString("errors.find { it.field == 'categories[1].icon' }.message"))
                .isEqualTo("Choose a picture the kiosk has, or none.");

        admin().contentType(ContentType.JSON).queryParam("dryRun", true).body(Map.of("format", 1, "categories", List.of(fine)))
                .put("/api/admin/setup").then().statusCode(200)
                .body("changes", equalTo(List.of(Map.of("op", "create", "kind", "category", "key", "SF_FINE"))));
    }

    @Test
    void aMisspeltFieldOrAnotherHospitalsFileIsRefused() {
        admin().contentType(ContentType.JSON).body("{\"format\":1,\"services\":[{\"code\":\"MED\",\"nameHI\":\"x\"}]}")
                .put("/api/admin/setup").then().statusCode(400).body("errors[0].field", equalTo("services[0].nameHI"));
        admin().contentType(ContentType.JSON).body(Map.of("format", 1, "facility", "AIIMS-DEL"))
                .put("/api/admin/setup").then().statusCode(400).body("errors[0].field", equalTo("facility"));
        admin().contentType(ContentType.JSON).body(Map.of("format", 2)).put("/api/admin/setup").then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
        admin().contentType(ContentType.JSON).body("{not json").put("/api/admin/setup").then().statusCode(400)
                .body("type", equalTo("/problems/invalid-input"));
    }

    @Test
    void onlyAnAdminMayReadOrApplyTheSetUp() {
        given().get("/api/admin/setup").then().statusCode(401).contentType("application/problem+json");
        Api.staff().get("/api/admin/setup").then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("/problems/forbidden"));
        Api.staff().contentType(ContentType.JSON).body(Map.of("format", 1)).put("/api/admin/setup").then().statusCode(403)
                .contentType("application/problem+json");
        Api.as("registrar", "registrar123").contentType(ContentType.JSON).queryParam("dryRun", true)
                .body(Map.of("format", 1)).put("/api/admin/setup").then().statusCode(403);
    }

    @Test
    void theCommandExportsToAFileAndADryRunListsChangesWithoutMakingThem(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path exported = dir.resolve("setup.json");
        Output out = new Output();
        Output err = new Output();
        assertThat(command.run(List.of("export", exported.toString()), out.stream, err.stream)).isEqualTo(0);
        assertThat(out.text()).contains("Wrote the set-up of DEMO");

        ObjectNode doc = (ObjectNode) json.readTree(exported.toFile());
        for (JsonNode counter : doc.get("counters")) {
            if (counter.path("code").asText().equals("C12")) {
                ((ObjectNode) counter).put("name", "Counter 12 (renamed)");
            }
        }
        ((ArrayNode) doc.get("services")).add(json.valueToTree(service("SFCLI1", "SFC1")));
        Path edited = dir.resolve("edited.json");
        json.writeValue(edited.toFile(), doc);
        Map<String, Long> before = tables.counts(FACILITY);

        out = new Output();
        assertThat(command.run(List.of("import", edited.toString(), "--dry-run"), out.stream, err.stream)).isEqualTo(0);

        assertThat(out.text()).contains("update counter C12: name", "create service SFCLI1", "2 changes would be made",
                "nothing was changed");
        assertThat(tables.counts(FACILITY)).isEqualTo(before);
        Api.staff().get("/api/counters").then().body("find { it.code == 'C12' }.name", equalTo("Counter 12"));
    }

    @Test
    void theCommandPrintsEveryFaultOfABadFileAndExitsWithAnError(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\":1,\"counters\":[{\"code\":\"SFR9\",\"name\":\"Room\",\"services\":[\"XYZ\"]}],"
                + "\"staff\":[{\"username\":\"sf.nurse\",\"fullName\":\"Nurse\",\"role\":\"BOSS\"}]}");
        Output out = new Output();
        Output err = new Output();

        assertThat(command.run(List.of("import", bad.toString()), out.stream, err.stream)).isEqualTo(1);

        assertThat(err.text()).contains("Refused: 2 faults", "counters[0].services[0]: Unknown service 'XYZ'",
                "staff[0].role:");
        assertThat(command.run(List.of("import"), out.stream, err.stream)).isEqualTo(2);
        assertThat(err.text()).contains("usage:");
    }

    static Map<String, Object> service(String code, String prefix) {
        return Map.of("code", code, "nameEn", "Service " + code, "nameHi", "सेवा " + code, "prefix", prefix,
                "opensAt", "08:00", "closesAt", "14:00", "interleave", 2, "serviceMinutes", 5, "active", true);
    }

    private static final class Output {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
