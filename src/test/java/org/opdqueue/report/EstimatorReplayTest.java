package org.opdqueue.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.opdqueue.queue.WaitEstimator;

/** The estimator in use is the one the replayed OPD days measured better; the table printed is the README's. */
class EstimatorReplayTest {

    @Test
    void theChosenEstimatorErrsLessThanTheOtherOnReplayedOpdDays() {
        Map<String, Map<WaitEstimator, DayReport.EstimateRow>> table = EstimatorReplay.compare(30);
        System.out.print(EstimatorReplay.markdown(table, 30));
        WaitEstimator other = WaitEstimator.CHOSEN == WaitEstimator.RECENT_CALL_RATE ? WaitEstimator.AVERAGE_SERVICE
                : WaitEstimator.RECENT_CALL_RATE;
        DayReport.EstimateRow chosen = table.get("all").get(WaitEstimator.CHOSEN);
        DayReport.EstimateRow rejected = table.get("all").get(other);
        assertThat(chosen.medianAbsErrorMinutes()).isLessThan(rejected.medianAbsErrorMinutes());
        assertThat(chosen.within10MinShare()).isGreaterThan(rejected.within10MinShare());
    }

    @Test
    void aServiceCalledTenTimesInTwentyMinutesTellsTheFifthInLineTenMinutes() {
        WaitEstimator.Load load = new WaitEstimator.Load(java.time.Duration.ofMinutes(5), 1, 10,
                java.time.Duration.ofMinutes(20));
        assertThat(WaitEstimator.RECENT_CALL_RATE.minutes(5, load)).isEqualTo(10);
        assertThat(WaitEstimator.AVERAGE_SERVICE.minutes(5, load)).isEqualTo(25);
        WaitEstimator.Load earlyInTheDay = new WaitEstimator.Load(java.time.Duration.ofMinutes(5), 2, 3,
                java.time.Duration.ofMinutes(4));
        assertThat(WaitEstimator.RECENT_CALL_RATE.minutes(4, earlyInTheDay)).as("too few calls yet: by service time")
                .isEqualTo(10);
    }
}
