package org.opdqueue.report;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

import org.opdqueue.common.Failures;

/**
 * Rolls up the closed days of the last year still missing, shortly after start and then every hour (so the night's
 * day is kept by morning). Older days are rolled up when a report first asks for them.
 */
@ApplicationScoped
public class RollupFiller {

    static final int DAYS_BACK = 400;

    private static final Logger LOG = Logger.getLogger(RollupFiller.class);

    private final DailyRollups rollups;
    private final ReportDay days;

    public RollupFiller(DailyRollups rollups, ReportDay days) {
        this.rollups = rollups;
        this.days = days;
    }

    @Scheduled(every = "${opd.reports.rollup-every}", delayed = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void fill() {
        try {
            LocalDate today = days.today();
            List<LocalDate> missing = rollups.missing(today.minusDays(DAYS_BACK), today.minusDays(1));
            for (LocalDate day : missing) {
                rollups.rollUp(day);
            }
            if (!missing.isEmpty()) {
                LOG.infof("Reports: rolled up %d closed day(s), %s to %s", missing.size(), missing.get(0),
                        missing.get(missing.size() - 1));
            }
        } catch (RuntimeException e) {
            if (!Failures.isUnreachable(e) && !Failures.isPoolExhausted(e)) {
                LOG.warn("Reports: rolling up closed days failed; the next run tries again", e);
            }
        }
    }
}
