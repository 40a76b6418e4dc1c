package org.opdqueue.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import org.opdqueue.staff.Role;
import org.opdqueue.status.SystemMode;
import org.opdqueue.support.Api;
import org.opdqueue.support.EmptyDatabaseResource;
import org.opdqueue.support.StaffAccounts;

/**
 * A report read slower than the pool's 3 s socket timeout (made slow here by a table lock held by another session)
 * waits for its answer instead of putting the hospital in paper-token mode; one slower than the reports' own timeout
 * is refused as too slow, and the mode stays NORMAL.
 */
@QuarkusTest
@TestProfile(SlowReportTest.SlowReports.class)
class SlowReportTest {

    public static class SlowReports implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("opd.reports.read-timeout", "6s",
                    "quarkus.datasource.jdbc.additional-jdbc-properties.socketTimeout", "3000");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(EmptyDatabaseResource.class, Map.of("database", "opd_slow_report", "opd.facility.code", "DH-SLOW")));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Inject
    StaffAccounts accounts;

    @Inject
    SystemMode mode;

    @Inject
    ReportDay days;

    @Inject
    DataSource pool;

    @Test
    void aReportSlowerThanTheSocketTimeoutIsAnsweredAndTheModeStaysNormal() throws Exception {
        String admin = accounts.create(Role.ADMIN);
        LocalDate closed = days.today().minusDays(3);
        Response answer = whileReportsAreLocked(4_500, () -> Api.as(admin, StaffAccounts.PASSWORD)
                .accept(ContentType.JSON).get("/api/reports/day?date=" + closed));
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
        assertThat(answer.jsonPath().getString("date")).isEqualTo(closed.toString());
        assertThat(mode.degraded()).as("paper-token mode").isFalse();
    }

    @Test
    void aReportSlowerThanItsOwnTimeoutIsRefusedAsTooSlowAndTheModeStaysNormal() throws Exception {
        String admin = accounts.create(Role.ADMIN);
        LocalDate closed = days.today().minusDays(4);
        Response answer = whileReportsAreLocked(9_000, () -> Api.as(admin, StaffAccounts.PASSWORD)
                .accept(ContentType.JSON).get("/api/reports/day?date=" + closed));
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(503);
        assertThat(answer.jsonPath().getString("type")).endsWith("report-too-slow");
        assertThat(answer.header("Retry-After")).isNotNull();
        assertThat(mode.degraded()).as("paper-token mode").isFalse();
        // and once the database is quick again, so is the report
        Api.as(admin, StaffAccounts.PASSWORD).accept(ContentType.JSON).get("/api/reports/day?date=" + closed).then()
                .statusCode(200);
        assertThat(mode.degraded()).isFalse();
    }

    /** Holds a write lock on the closed days' table (every closed day's report reads it first) for that long. */
    private Response whileReportsAreLocked(long millis, java.util.function.Supplier<Response> request) throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                c.setNetworkTimeout(Runnable::run, 0);
                s.execute("LOCK TABLES report_day WRITE");
                locked.countDown();
                Thread.sleep(millis);
                s.execute("UNLOCK TABLES");
                c.setNetworkTimeout(Runnable::run, 3000);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        try {
            return request.get();
        } finally {
            holder.get(30, TimeUnit.SECONDS);
        }
    }
}
