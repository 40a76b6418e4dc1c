package org.opdqueue.offline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.opdqueue.support.Api;
import org.opdqueue.support.StaffSession;
import org.opdqueue.support.TestHospital;

/**
 * Every slip a patient holds lands in a queue, and any slip refused for a real reason is put in front of staff:
 * a database that lost the kiosk's reservations still takes its outbox, and a refusal is kept until acknowledged.
 */
@QuarkusTest
class OfflineRefusalsTest {

    @Inject
    TestHospital hospital;

    @Inject
    DataSource dataSource;

    String service;
    String kiosk;
    String key;
    String series;

    @BeforeEach
    void enrolKiosk() {
        service = hospital.service();
        kiosk = hospital.kiosk();
        JsonPath enrolled = Api.enrol(kiosk);
        key = enrolled.getString("key");
        series = enrolled.getString("series");
    }

    @Test
    void anOutboxSyncedIntoADatabaseThatLostItsReservationsLandsWholeMarkedReservationUnknown() throws SQLException {
        given().header("Authorization", "Device " + key).contentType(ContentType.JSON)
                .body(Map.of("serviceCode", service, "count", 20)).post("/api/devices/" + kiosk + "/reserve").then()
                .statusCode(200);
        Instant start = Instant.now().minusSeconds(300);
        long outage = hospital.outage(start.minusSeconds(1), Instant.now(), "test: server killed", 0);
        long unreservedBefore = unreservedIn(outage);
        assertThat(hospital.forgetReservations(kiosk)).as("reservation rows deleted").isPositive();

        List<Map<String, Object>> outbox = new ArrayList<>();
        for (int n = 1; n <= 12; n++) {
            outbox.add(item(n, start.plusSeconds(n * 10L)));
        }
        JsonPath first = merge(outbox);
        assertThat(first.getList("results.result")).hasSize(12).containsOnly("created");
        assertThat(first.getList("results.reservationUnknown")).hasSize(12).containsOnly(true);

        List<String> numbers = outbox.stream().map(i -> (String) i.get("offlineNumber")).toList();
        JsonPath queue = given().get("/api/queues/" + service).then().statusCode(200).extract().jsonPath();
        assertThat(queue.getList("waiting.number")).containsExactlyElementsOf(numbers);
        assertThat(queue.getList("waiting.reservationUnknown")).hasSize(12).containsOnly(true);
        for (Object id : first.getList("results.tokenId")) {
            given().get("/api/tokens/" + id).then().statusCode(200).body("channel", equalTo("OFFLINE_KIOSK"))
                    .body("degraded", equalTo(true)).body("reservationUnknown", equalTo(true));
            assertThat(journalDetail(((Number) id).longValue())).isEqualTo("OFFLINE_KIOSK GENERAL reservation unknown");
        }
        assertThat(unreservedIn(outage) - unreservedBefore).as("counted in the outage record").isEqualTo(12);

        JsonPath again = merge(outbox);
        assertThat(again.getList("results.result")).hasSize(12).containsOnly("duplicate");
        assertThat(again.getList("results.tokenId")).isEqualTo(first.getList("results.tokenId"));
        assertThat(given().get("/api/queues/" + service).then().extract().<List<String>>path("waiting.number"))
                .containsExactlyElementsOf(numbers);
        assertThat(refusalsOfThisKiosk(Api.staff())).isEmpty();
    }

    @Test
    void aRealRefusalIsRecordedOnceShownToStaffUntilAcknowledged() throws SQLException {
        given().header("Authorization", "Device " + key).contentType(ContentType.JSON)
                .body(Map.of("serviceCode", service, "count", 5)).post("/api/devices/" + kiosk + "/reserve").then()
                .statusCode(200);
        // another token took number 1 of this series first (say, an outbox restored on a replacement kiosk)
        assertThat(merge(List.of(item(1, Instant.now().minusSeconds(120)))).getString("results[0].result")).isEqualTo("created");
        Map<String, Object> taken = item(1, Instant.now().minusSeconds(60));
        Map<String, Object> otherSeries = new HashMap<>(item(2, Instant.now().minusSeconds(50)));
        String wrongNumber = service + "-" + (series.equals("Z") ? "Y" : "Z") + "002";
        otherSeries.put("offlineNumber", wrongNumber);
        List<Map<String, Object>> outbox = List.of(taken, otherSeries, item(3, Instant.now().minusSeconds(40)));

        List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record.getMessage() + " " + java.util.Arrays.toString(record.getParameters()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(OfflineSync.class.getName());
        log.addHandler(handler);
        try {
            for (int attempt = 0; attempt < 2; attempt++) {
                JsonPath answer = merge(outbox);
                assertThat(answer.getList("results.result")).containsExactly("rejected", "rejected",
                        attempt == 0 ? "created" : "duplicate");
            }
        } finally {
            log.removeHandler(handler);
        }
        String takenNumber = (String) taken.get("offlineNumber");
        assertThat(rowsFor(kiosk)).as("one row per refused request, however often it is sent").isEqualTo(2);
        assertThat(warnings).as("a warning once for each refused slip").hasSize(2)
                .anySatisfy(w -> assertThat(w).contains(takenNumber).contains("already merged"))
                .anySatisfy(w -> assertThat(w).contains(wrongNumber).contains(kiosk));

        given().get("/api/offline-refusals?service=" + service).then().statusCode(401);
        List<Map<String, Object>> shown = refusalsOfThisKiosk(Api.staff());
        assertThat(shown).extracting(r -> r.get("number")).containsExactly(takenNumber, wrongNumber);
        assertThat(shown.get(0).get("reason").toString()).contains("already merged for another token");
        assertThat(shown.get(1).get("reason").toString()).contains("is not in series " + series);
        assertThat(Api.staff().get("/api/offline-refusals?service=NOSUCH").then().statusCode(200).extract().<List<Object>>path("$"))
                .as("another service's console does not see them").isEmpty();

        StaffSession admin = StaffSession.logIn("admin", "admin123");
        String dashboard = admin.open("/admin").then().statusCode(200).extract().asString();
        assertThat(dashboard).contains("data-testid=\"offline-refusals\"")
                .containsPattern("\\d+ offline slips? (was|were) refused")
                .contains("data-number=\"" + takenNumber + "\"").contains("data-number=\"" + wrongNumber + "\"")
                .contains(kiosk);

        for (Map<String, Object> r : shown) {
            admin.open("/admin");
            admin.form().post("/admin/offline-refusals/" + r.get("id") + "/acknowledge").then().statusCode(303)
                    .header("Location", containsString("/admin"));
        }
        admin.open("/admin").then().statusCode(200).body(not(containsString("data-number=\"" + takenNumber + "\"")))
                .body(not(containsString("data-number=\"" + wrongNumber + "\"")));
        assertThat(refusalsOfThisKiosk(Api.staff())).isEmpty();
        merge(outbox);
        assertThat(refusalsOfThisKiosk(Api.staff())).as("sending the outbox again brings nothing back").isEmpty();
        assertThat(acknowledgedBy(kiosk)).containsOnly("admin");
    }

    @Test
    void acknowledgingNeedsTheFormsCsrfTokenAndAnExistingRefusal() {
        StaffSession admin = StaffSession.logIn("admin", "admin123");
        admin.request().contentType("application/x-www-form-urlencoded").post("/admin/offline-refusals/1/acknowledge")
                .then().statusCode(400);
        admin.open("/admin/devices/new");
        admin.form().post("/admin/offline-refusals/999999999/acknowledge").then().statusCode(404);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> refusalsOfThisKiosk(io.restassured.specification.RequestSpecification staff) {
        List<Map<String, Object>> all = staff.get("/api/offline-refusals?service=" + service).then().statusCode(200)
                .extract().path("$");
        return all.stream().filter(r -> kiosk.equals(r.get("kiosk"))).toList();
    }

    private long unreservedIn(long outage) {
        List<Map<String, Object>> outages = Api.as("admin", "admin123").get("/api/outages").then().statusCode(200)
                .extract().path("$");
        return outages.stream().filter(o -> ((Number) o.get("id")).longValue() == outage).findFirst()
                .map(o -> ((Number) o.get("reservationUnknown")).longValue()).orElseThrow();
    }

    private String journalDetail(long tokenId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT detail FROM journal_entry WHERE token_id = ? AND type = 'ISSUED'")) {
            s.setLong(1, tokenId);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                return r.getString(1);
            }
        }
    }

    private int rowsFor(String kioskCode) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM offline_refusal WHERE device_code = ?")) {
            s.setString(1, kioskCode);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    private List<String> acknowledgedBy(String kioskCode) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT acknowledged_by FROM offline_refusal WHERE device_code = ?")) {
            s.setString(1, kioskCode);
            List<String> who = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    who.add(r.getString(1));
                }
            }
            return who;
        }
    }

    private Map<String, Object> item(int number, Instant issuedAt) {
        return Map.of("requestId", UUID.randomUUID().toString(), "serviceCode", service, "priority", "GENERAL",
                "offlineNumber", String.format("%s-%s%03d", service, series, number), "issuedAt", issuedAt.toString());
    }

    private JsonPath merge(List<Map<String, Object>> tokens) {
        return given().header("Authorization", "Device " + key).contentType(ContentType.JSON)
                .body(Map.of("sentAt", Instant.now().toString(), "tokens", tokens)).post("/api/sync/tokens").then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void aConsoleAskingForMoreServicesThanAnyHospitalHasGetsAProblemNamingTheField() {
        List<String> services = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            services.add("S" + i);
        }
        Api.staff().queryParam("service", services).get("/api/offline-refusals").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("service"));
        Api.staff().queryParam("service", services.subList(0, 100)).get("/api/offline-refusals").then().statusCode(200);
    }
}
