package org.opdqueue.outage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import org.opdqueue.status.SystemMode;

/**
 * The database as readiness sees it. The server stays ready without it (boards, relayed calls, fast 503s),
 * so the check stays UP and says DEGRADED rather than taking the server out of a load balancer.
 */
@Readiness
@ApplicationScoped
public class ModeHealthCheck implements HealthCheck {

    private final SystemMode mode;

    public ModeHealthCheck(SystemMode mode) {
        this.mode = mode;
    }

    @Override
    public HealthCheckResponse call() {
        SystemMode.State state = mode.current();
        return HealthCheckResponse.named("database").up()
                .withData("mode", state.mode().name())
                .withData("reachable", state.databaseReachable())
                .withData("since", state.since().toString())
                .build();
    }
}
