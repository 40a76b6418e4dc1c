package org.opdqueue.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import org.opdqueue.support.EmptyDatabaseResource;

/** An upgrade whose migration runs longer than the pool's socket timeout (an index on a big journal) still starts. */
@QuarkusTest
@TestProfile(LongMigrationTest.SlowUpgrade.class)
class LongMigrationTest {

    public static class SlowUpgrade implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.flyway.locations", "db/migration,db/slow-migration",
                    "quarkus.datasource.jdbc.additional-jdbc-properties.socketTimeout", "3000");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(EmptyDatabaseResource.class, Map.of("database", "opd_slow_migration")));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Inject
    DataSource pool;

    @Test
    void aMigrationLongerThanTheSocketTimeoutCompletesAndThePoolKeepsItsTimeout() throws Exception {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT success FROM flyway_schema_history WHERE version = '900'")) {
            assertThat(r.next()).as("the slow migration is recorded").isTrue();
            assertThat(r.getBoolean(1)).isTrue();
            assertThat(c.getNetworkTimeout()).as("a pooled connection's socket timeout after the migrations")
                    .isEqualTo(3000);
        }
    }
}
