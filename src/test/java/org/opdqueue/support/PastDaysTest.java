package org.opdqueue.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The day tests' allocator never hands out a day twice, runs of days included, and says so when a window is full. */
class PastDaysTest {

    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    @Test
    void everyDayOfAWindowOnceThenNoMore() {
        Set<LocalDate> given = new HashSet<>();
        LocalDate run = PastDays.unused(IST, 20_000, 40, 3, day -> true); // a window no day test uses
        given.add(run);
        given.add(run.plusDays(1));
        given.add(run.plusDays(2));
        for (int i = 0; i < 37; i++) {
            assertThat(given.add(PastDays.unused(IST, 20_000, 40))).as("a day given twice").isTrue();
        }
        assertThat(given).hasSize(40);
        assertThatThrownBy(() -> PastDays.unused(IST, 20_000, 40)).isInstanceOf(IllegalStateException.class);
    }
}
