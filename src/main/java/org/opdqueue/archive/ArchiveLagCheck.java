package org.opdqueue.archive;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.health.api.Wellness;

import org.opdqueue.common.OpdConfig;

/**
 * The archive's lag on {@code /q/health}: DOWN when the oldest entry not yet archived is older than
 * {@code opd.archive.lag-warn-after} (30 s), so a monitor warns that a lost database would now lose that much. A
 * wellness check, not readiness: the OPD keeps serving while the archive is behind.
 */
@Wellness
@ApplicationScoped
public class ArchiveLagCheck implements HealthCheck {

    private final ArchiveShipper shipper;
    private final OpdConfig.Archive config;

    public ArchiveLagCheck(ArchiveShipper shipper, OpdConfig config) {
        this.shipper = shipper;
        this.config = config.archive();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder check = HealthCheckResponse.named("journal-archive");
        if (!config.enabled()) {
            return check.up().withData("enabled", false).build();
        }
        ArchiveShipper.Status status = shipper.status();
        boolean behind = status.lag().compareTo(config.lagWarnAfter()) > 0;
        check.status(!behind).withData("enabled", true).withData("lagSeconds", status.lagSeconds())
                .withData("segment", status.segment()).withData("lastSeq", status.lastSeq())
                .withData("target", String.valueOf(status.target()));
        if (status.problem() != null) {
            check.withData("problem", status.problem());
        }
        return check.build();
    }
}
