package org.opdqueue.archive;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.opdqueue.counter.CounterState;
import org.opdqueue.support.Api;
import org.opdqueue.support.MutableClock;
import org.opdqueue.support.TestHospital;

/**
 * The database is lost for good: a new, empty one is restored from the archive alone, and the OPD carries on where
 * the archive ends. Each test empties the database (as a new server has it) and restores.
 */
@QuarkusTest
@TestProfile(ArchiveRestoreTest.Archiving.class)
class ArchiveRestoreTest {

    static final ArchiveKeys.NewKey KEY = ArchiveKeys.newKey();
    static final Path ARCHIVE = temporaryDirectory();

    public static class Archiving implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("opd.archive.enabled", "true", "opd.archive.directory", ARCHIVE.toString(),
                    "opd.archive.public-key", KEY.publicKey(), "opd.archive.interval", "1h");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ArchiveDatabaseResource.class));
        }
    }

    @Inject
    TestHospital hospital;

    @Inject
    ArchiveShipper shipper;

    @Inject
    ArchiveRestore restore;

    @Inject
    DataSource db;

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void restoringTheArchiveIntoAnEmptyDatabaseGivesBackTheSameQueue() throws Exception {
        String service = hospital.service();
        long counter = hospital.counter(CounterState.CLOSED, service);
        long paused = hospital.counter(CounterState.CLOSED, service);
        state(counter, "OPEN");
        state(paused, "PAUSED");
        List<Long> issued = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            issued.add(Api.id(Api.issue(service)));
        }
        Map<String, Object> withPatient = Map.of("requestId", UUID.randomUUID().toString(), "serviceCode", service,
                "channel", "COUNTER", "patient", Map.of("name", "Sunita Devi", "mobile", "9810000001"));
        long patientToken = Api.id(Api.post("/api/tokens", withPatient).then().statusCode(201).extract().jsonPath());
        Api.callNext(counter).then().statusCode(200);
        Api.act(issued.get(0), "start").then().statusCode(200);
        Api.act(issued.get(0), "complete").then().statusCode(200);
        Api.callNext(counter).then().statusCode(200);
        Api.act(issued.get(2), "cancel").then().statusCode(200);
        List<String> before = tokens();
        assertThat(before).as("online tokens are told a wait, which the accuracy report needs after a restore too")
                .anyMatch(row -> row.contains(" told ") && !row.endsWith(" told null"));
        String queueBefore = queue(service);
        ship();
        assertThat(archiveText()).doesNotContain("Sunita").doesNotContain("9810000001");

        String said = loseTheDatabaseAndRestore();

        assertThat(said).contains("Archive verified").contains("Day rebuilt from the journal");
        Matcher upTo = Pattern.compile("up to seq (\\d+)").matcher(said);
        assertThat(upTo.find()).as(said).isTrue();
        assertThat(count("SELECT COUNT(*) FROM journal_entry j LEFT JOIN journal_seal s ON s.seq = j.seq "
                + "WHERE s.seq IS NULL AND j.seq <= " + upTo.group(1)))
                .as("archived entries restored unsealed").isZero();
        assertThat(tokens()).isEqualTo(before);
        assertThat(queue(service)).isEqualTo(queueBefore);
        given().get("/api/tokens/" + patientToken).then().statusCode(200);
        assertThat(patientName(patientToken)).isEqualTo("Sunita Devi");
    }

    @Test
    void aNumberIsNeverGivenAgainAfterARestore() throws Exception {
        String service = hospital.service();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            numbers.add(Api.issue(service).getString("number"));
        }
        ship();

        loseTheDatabaseAndRestore();

        String next = Api.issue(service).getString("number");
        assertThat(numbers).doesNotContain(next);
        // past the last archived number, and past those that may have been given in the second before the loss
        assertThat(next).isEqualTo(String.format("%s-%03d", service, 4 + ArchiveRestore.NUMBERS_SKIPPED + 1));
    }

    @Test
    void aKioskThatIssuedOfflineDuringTheLossSyncsIntoTheRestoredServerExactlyOnce() throws Exception {
        String service = hospital.service();
        String kiosk = hospital.kiosk();
        JsonPath enrolled = Api.enrol(kiosk);
        String key = enrolled.getString("key");
        String series = enrolled.getString("series");
        given().header("Authorization", "Device " + key).contentType(ContentType.JSON)
                .body(Map.of("serviceCode", service, "count", 10)).post("/api/devices/" + kiosk + "/reserve").then()
                .statusCode(200);
        ship();

        loseTheDatabaseAndRestore();

        List<Map<String, Object>> outbox = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            outbox.add(Map.of("requestId", UUID.randomUUID().toString(), "serviceCode", service, "priority", "GENERAL",
                    "offlineNumber", String.format("%s-%s%03d", service, series, n), "issuedAt",
                    Instant.now().minusSeconds(120 - n).toString()));
        }
        JsonPath first = sync(key, outbox);
        JsonPath again = sync(key, outbox);

        assertThat(first.getList("results.result")).containsExactly("created", "created", "created");
        assertThat(again.getList("results.result")).containsExactly("duplicate", "duplicate", "duplicate");
        List<String> waiting = given().get("/api/queues/" + service).then().extract().path("waiting.number");
        assertThat(waiting).containsExactlyElementsOf(outbox.stream().map(i -> (String) i.get("offlineNumber")).toList());
    }

    @Test
    void aRestoreIsRefusedWithTheWrongKeyOrIntoADatabaseThatIsNotEmpty() throws Exception {
        Api.issue(hospital.service());
        ship();
        DirectoryTarget archive = new DirectoryTarget(ARCHIVE);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());

        assertThatThrownBy(() -> restore.restore(archive, KEY.privateKey(), quiet))
                .isInstanceOf(ArchiveRestore.Refused.class).hasMessageContaining("not empty");
        empty();
        assertThatThrownBy(() -> restore.restore(archive, ArchiveKeys.newKey().privateKey(), quiet))
                .isInstanceOf(ArchiveRestore.Refused.class).hasMessageContaining("is not the one");
        assertThat(count("SELECT COUNT(*) FROM journal_entry")).isZero();
        restore.restore(archive, KEY.privateKey(), quiet);
    }

    @Test
    void theArchiveLagIsOnTheHealthPageAndGoesDownWhenTheShareIsNotMounted() throws Exception {
        ship();
        given().get("/q/health").then().statusCode(200);
        Api.issue(hospital.service());
        Path away = ARCHIVE.resolveSibling(ARCHIVE.getFileName() + "-away");
        Files.move(ARCHIVE, away);
        Files.createDirectory(ARCHIVE); // the share unmounted: its empty mount point on the server's own disk
        try {
            clock.advance(Duration.ofSeconds(90));
            assertThatThrownBy(shipper::ship).isInstanceOf(IOException.class).hasMessageContaining("mounted");
            try (var left = Files.list(ARCHIVE)) {
                assertThat(left).as("nothing written to the server's own disk").isEmpty();
            }

            JsonPath health = given().get("/q/health").then().statusCode(503).extract().jsonPath();
            assertThat(health.getString("checks.find { it.name == 'journal-archive' }.status")).isEqualTo("DOWN");
            assertThat(health.getInt("checks.find { it.name == 'journal-archive' }.data.lagSeconds")).isGreaterThan(30);
            given().get("/q/health/ready").then().statusCode(200);
        } finally {
            Files.delete(ARCHIVE);
            Files.move(away, ARCHIVE);
        }
        ship();
        given().get("/q/health").then().statusCode(200).extract().jsonPath();
        assertThat(given().get("/q/health").then().extract().jsonPath()
                .getInt("checks.find { it.name == 'journal-archive' }.data.lagSeconds")).isLessThanOrEqualTo(30);
    }

    private static void state(long counter, String state) {
        Api.staff().contentType(ContentType.JSON).body(Map.of("state", state)).put("/api/counters/" + counter + "/state")
                .then().statusCode(200);
    }

    private void ship() throws Exception {
        shipper.ship();
    }

    private String loseTheDatabaseAndRestore() throws Exception {
        empty();
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        restore.restore(new DirectoryTarget(ARCHIVE), KEY.privateKey(), new PrintStream(said, true, StandardCharsets.UTF_8));
        return said.toString(StandardCharsets.UTF_8);
    }

    /** Every table as a new database has it: empty, but for Flyway's history. */
    private void empty() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = "
                    + "DATABASE() AND TABLE_NAME <> 'flyway_schema_history'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            // the server runs on, its sealer too: emptied after the journal, the seals cannot keep one of a lost entry
            // (a sealer that read entries holds the journal's truncation back until it has committed its seals)
            tables.remove("journal_seal");
            tables.add("journal_seal");
            s.execute("SET FOREIGN_KEY_CHECKS = 0");
            for (String t : tables) {
                s.execute("TRUNCATE TABLE " + t);
            }
            s.execute("SET FOREIGN_KEY_CHECKS = 1");
        }
    }

    /** Each token as the queue knows it: number, service, status, counter, place in the queue, the wait told. */
    private List<String> tokens() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT t.id, t.display_number, sp.code, t.status, c.code, t.queued_at, t.call_count, t.priority,
                       t.estimated_wait_at_issue
                FROM token t JOIN service_point sp ON sp.id = t.service_id LEFT JOIN counter c ON c.id = t.counter_id
                ORDER BY t.id""")) {
            while (rs.next()) {
                rows.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4) + " "
                        + rs.getString(5) + " " + rs.getTimestamp(6).toInstant() + " " + rs.getInt(7) + " " + rs.getString(8) + " told "
                        + rs.getObject(9));
            }
        }
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT code, state FROM counter ORDER BY code")) {
            while (rs.next()) {
                rows.add("counter " + rs.getString(1) + " " + rs.getString(2));
            }
        }
        return rows;
    }

    private String queue(String service) {
        return given().get("/api/queues/" + service).then().statusCode(200).extract().jsonPath()
                .getList("waiting.number").toString();
    }

    private String patientName(long token) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT patient_name FROM token WHERE id = " + token)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String archiveText() throws IOException {
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(ARCHIVE)) {
            for (Path p : files.toList()) {
                all.append(Files.readString(p));
            }
        }
        return all.toString();
    }

    private static JsonPath sync(String key, List<Map<String, Object>> outbox) {
        return given().header("Authorization", "Device " + key).contentType(ContentType.JSON)
                .body(Map.of("sentAt", Instant.now().toString(), "tokens", outbox)).post("/api/sync/tokens").then()
                .statusCode(200).extract().jsonPath();
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("opd-archive-test");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
