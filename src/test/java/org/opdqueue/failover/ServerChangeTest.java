package org.opdqueue.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.opdqueue.support.Api;
import org.opdqueue.support.TestHospital;

/**
 * A fail-over seen from the application: the pool's connections die with the old primary and new ones reach another
 * server. Here the recorded server is made another one than the test database and the pool is emptied, which is what
 * the first connection to a promoted replica finds.
 */
@QuarkusTest
class ServerChangeTest {

    @Inject
    TestHospital hospital;

    @Inject
    AgroalDataSource pool;

    @Inject
    ServerChange change;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    String service;

    final Map<String, String> keys = new java.util.HashMap<>();

    @BeforeEach
    void freshService() {
        service = hospital.service();
        hospital.openCounter(service);
    }

    @Test
    void afterAPromotionNoNumberTheOldPrimaryMayHaveGivenIsGivenAgainAndTheSkipIsJournaledOnce() throws Exception {
        assertThat(Api.issue(service).getString("number")).isEqualTo(service + "-001");
        long journaledBefore = promotions();

        sql("UPDATE database_server SET server_key = '1@the-old-primary:3306' WHERE facility = 'DEMO'");
        aNewPoolAsAfterTheOldPrimaryDied();

        assertThat(Api.issue(service).getString("number")).isEqualTo(service + "-"
                + (1 + ServerChange.NUMBERS_SKIPPED + 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> promotions() == journaledBefore + 1);
        assertThat(text("SELECT detail FROM journal_entry WHERE type = 'DATABASE_PROMOTED' ORDER BY seq DESC LIMIT 1"))
                .contains("in place of 1@the-old-primary:3306").contains("moved on by 100");
        assertThat(text("SELECT previous_key FROM database_server WHERE facility = 'DEMO'")).isEqualTo("1@the-old-primary:3306");

        aNewPoolAsAfterTheOldPrimaryDied(); // the same server again: nothing more is skipped
        assertThat(Api.issue(service).getString("number")).isEqualTo(service + "-"
                + (1 + ServerChange.NUMBERS_SKIPPED + 2));
        assertThat(promotions()).isEqualTo(journaledBefore + 1);
    }

    @Test
    void afterAPromotionEveryKioskIsGrantedOfflineNumbersPastAnyBlockTheOldPrimaryMayHaveGivenOnce() throws Exception {
        String kiosk = hospital.kiosk();
        String newcomer = hospital.kiosk(); // no block on record today: the old primary may have given it one
        keys.put(kiosk, Api.enrol(kiosk).getString("key"));
        keys.put(newcomer, Api.enrol(newcomer).getString("key"));
        assertThat(reserve(kiosk, 30)).containsExactly(1, 30);
        // the old primary then granted this kiosk 31-60, which never reached the replica: it is not on record here

        sql("UPDATE database_server SET server_key = '1@the-old-primary:3306' WHERE facility = 'DEMO'");
        aNewPoolAsAfterTheOldPrimaryDied();

        int past = ServerChange.KIOSK_NUMBERS_SKIPPED;
        assertThat(reserve(kiosk, 30)).containsExactly(30 + past + 1, 30 + past + 30);
        assertThat(reserve(newcomer, 10)).containsExactly(past + 1, past + 10);
        assertThat(reserve(kiosk, 10)).as("skipped once: the next block follows on").containsExactly(30 + past + 31,
                30 + past + 40);
        await().atMost(Duration.ofSeconds(10)).until(() -> text("SELECT detail FROM journal_entry WHERE type = "
                + "'DATABASE_PROMOTED' ORDER BY seq DESC LIMIT 1").contains("each kiosk's offline numbers by " + past));

        aNewPoolAsAfterTheOldPrimaryDied(); // the same server again: nothing more is skipped
        assertThat(reserve(newcomer, 10)).containsExactly(past + 11, past + 20);
    }

    @Test
    void aReadOnlyServerIsRefusedAsUnreachableAndNeverWrittenTo() throws Exception {
        Api.issue(service);
        // a connection of its own: the pool's new ones are refused while the server is read-only
        try (Connection own = DriverManager.getConnection(url, user, password.orElse(""));
                Statement admin = own.createStatement()) {
            try {
                admin.execute("SET GLOBAL read_only = 1"); // the tests' root may write anyway: only the check stops it
                aNewPoolAsAfterTheOldPrimaryDied();
                Api.post("/api/tokens", Api.issueBody(service, "GENERAL")).then().statusCode(503)
                        .body("type", equalTo("/problems/degraded"));
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> "DEGRADED".equals(RestAssured.get("/api/status").path("mode")));
            } finally {
                admin.execute("SET GLOBAL read_only = 0");
            }
            try (ResultSet rs = admin.executeQuery("SELECT COUNT(*) FROM token t JOIN service_point s ON s.id = "
                    + "t.service_id WHERE s.code = '" + service + "'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "NORMAL".equals(RestAssured.get("/api/status").path("mode")));
        assertThat(Api.issue(service).getString("number")).isEqualTo(service + "-002");
    }

    /** The first and last number of a block of offline numbers granted to the kiosk now. */
    private List<Integer> reserve(String kiosk, int count) {
        JsonPath block = RestAssured.given().header("Authorization", "Device " + keys.get(kiosk))
                .contentType(ContentType.JSON).body(Map.of("serviceCode", service, "count", count))
                .post("/api/devices/" + kiosk + "/reserve").then().statusCode(200).extract().jsonPath();
        return List.of(block.getInt("from"), block.getInt("to"));
    }

    /** Other tests' kiosks, enrolled later, start at 1 as on a day without a promotion. */
    @AfterEach
    void noPromotionToday() throws SQLException {
        sql("DELETE FROM offline_series_skip WHERE facility = 'DEMO'");
    }

    private void aNewPoolAsAfterTheOldPrimaryDied() {
        change.forget();
        pool.flush(AgroalDataSource.FlushMode.ALL);
    }

    private long promotions() throws SQLException {
        return Long.parseLong(text("SELECT COUNT(*) FROM journal_entry WHERE type = 'DATABASE_PROMOTED'"));
    }

    private String text(String query) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
