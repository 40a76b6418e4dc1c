package org.opdqueue.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.opdqueue.appointment.CheckInWindow.Arrival;

class CheckInWindowTest {

    private static final Instant SLOT = Instant.parse("2026-11-30T04:30:00Z");
    private final CheckInWindow window = CheckInWindow.ofMinutes(30, 15);

    @Test
    void theWindowOpensAtItsEarlyEdgeAndClosesAfterItsLateEdge() {
        assertThat(window.judge(SLOT, SLOT.minusSeconds(30 * 60 + 1))).isEqualTo(Arrival.TOO_EARLY);
        assertThat(window.judge(SLOT, SLOT.minusSeconds(30 * 60))).isEqualTo(Arrival.ON_TIME);
        assertThat(window.judge(SLOT, SLOT)).isEqualTo(Arrival.ON_TIME);
        assertThat(window.judge(SLOT, SLOT.plusSeconds(15 * 60))).isEqualTo(Arrival.ON_TIME);
        assertThat(window.judge(SLOT, SLOT.plusSeconds(15 * 60 + 1))).isEqualTo(Arrival.LATE);
    }

    @Test
    void aWindowOfNoMinutesTakesOnlyTheSlotsOwnMoment() {
        CheckInWindow exact = CheckInWindow.ofMinutes(0, 0);
        assertThat(exact.judge(SLOT, SLOT.minusNanos(1000))).isEqualTo(Arrival.TOO_EARLY);
        assertThat(exact.judge(SLOT, SLOT)).isEqualTo(Arrival.ON_TIME);
        assertThat(exact.judge(SLOT, SLOT.plusNanos(1000))).isEqualTo(Arrival.LATE);
        assertThat(exact.closesAt(SLOT)).isEqualTo(SLOT);
    }
}
