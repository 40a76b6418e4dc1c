package org.opdqueue.failover;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.health.api.Wellness;

/**
 * Whether an acknowledged token is on two machines now, on {@code /q/health} as {@code database-replica}: DOWN when
 * the primary has semi-synchronous replication on but no replica acknowledges (it went on alone after
 * {@code rpl_semi_sync_master_timeout}), so falling back is never silent. UP on a database without semi-sync (one
 * server). A wellness check, not readiness: the OPD keeps serving on one database server.
 */
@Wellness
@ApplicationScoped
public class ReplicaCheck implements HealthCheck {

    private final DataSource db;

    public ReplicaCheck(DataSource db) {
        this.db = db;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder check = HealthCheckResponse.named("database-replica");
        Map<String, String> status = new HashMap<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SHOW GLOBAL VARIABLES LIKE 'rpl_semi_sync_master_enabled'")) {
                while (rs.next()) {
                    status.put("enabled", rs.getString(2));
                }
            }
            try (ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE 'Rpl_semi_sync_master_%'")) {
                while (rs.next()) {
                    status.put(rs.getString(1), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            return check.down().withData("problem", String.valueOf(e.getMessage())).build();
        }
        if (!"ON".equalsIgnoreCase(status.get("enabled"))) {
            return check.up().withData("semiSync", false).build();
        }
        boolean acknowledged = "ON".equalsIgnoreCase(status.get("Rpl_semi_sync_master_status"))
                && !"0".equals(status.getOrDefault("Rpl_semi_sync_master_clients", "0"));
        check.status(acknowledged).withData("semiSync", true)
                .withData("replicas", status.getOrDefault("Rpl_semi_sync_master_clients", "0"))
                .withData("acknowledgedCommits", status.getOrDefault("Rpl_semi_sync_master_yes_tx", "?"))
                .withData("commitsWithoutReplica", status.getOrDefault("Rpl_semi_sync_master_no_tx", "?"));
        if (!acknowledged) {
            check.withData("problem", "no replica acknowledges: a token acknowledged now is on this server only");
        }
        return check.build();
    }
}
