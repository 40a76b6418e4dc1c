package org.opdqueue.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class LogInThrottleTest {

    private static final Duration LOCK = Duration.ofMinutes(15);
    private final LogInThrottle throttle = new LogInThrottle(10, LOCK);
    private final Instant t0 = Instant.parse("2026-11-30T04:00:00Z");

    @Test
    void tenFailuresForOneUserNameLockItFromEveryAddressForFifteenMinutes() {
        for (int i = 0; i < 9; i++) {
            assertThat(throttle.failed("Nurse.A", "10.0.0." + i, t0).lockStarted()).isFalse();
        }
        LogInThrottle.Outcome tenth = throttle.failed("nurse.a", "10.0.0.99", t0);
        assertThat(tenth.lockStarted()).isTrue();
        assertThat(tenth.lockedUntil()).contains(t0.plus(LOCK));
        assertThat(throttle.lockedUntil("nurse.a", "10.0.0.200", t0.plusSeconds(60))).contains(t0.plus(LOCK));
        assertThat(throttle.lockedUntil("someone.else", "10.0.0.200", t0.plusSeconds(60))).isEmpty();
        assertThat(throttle.lockedUntil("nurse.a", "10.0.0.200", t0.plus(LOCK).plusSeconds(1))).isEmpty();
    }

    @Test
    void tenFailuresFromOneAddressLockItForEveryUserName() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("guess" + i, "10.0.0.7", t0);
        }
        assertThat(throttle.lockedUntil("admin", "10.0.0.7", t0)).contains(t0.plus(LOCK));
        assertThat(throttle.lockedUntil("admin", "10.0.0.8", t0)).isEmpty();
    }

    @Test
    void aSuccessClearsTheUserNameButNotTheAddress() {
        for (int i = 0; i < 9; i++) {
            throttle.failed("nurse.b", "10.0.0.9", t0);
        }
        throttle.succeeded("nurse.b");
        throttle.failed("other", "10.0.0.9", t0);
        assertThat(throttle.lockedUntil("nurse.b", "10.0.0.10", t0)).isEmpty();
        assertThat(throttle.lockedUntil("nurse.b", "10.0.0.9", t0)).isPresent();
    }

    @Test
    void failuresOlderThanTheLockTimeAreForgotten() {
        for (int i = 0; i < 9; i++) {
            throttle.failed("nurse.c", "10.0.1." + i, t0);
        }
        assertThat(throttle.failed("nurse.c", "10.0.2.1", t0.plus(LOCK).plusSeconds(1)).lockStarted()).isFalse();
    }

    @Test
    void aMillionMadeUpUserNamesDoNotGrowMemoryBeyondTheBound() {
        for (int i = 0; i < 1_000_000; i++) {
            throttle.failed("user" + i, "10.1." + (i % 250) + "." + (i / 250 % 250), t0);
        }
        assertThat(throttle.tracked()).isLessThanOrEqualTo(LogInThrottle.TRACKED);
    }
}
