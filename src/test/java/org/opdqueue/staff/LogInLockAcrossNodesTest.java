package org.opdqueue.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.opdqueue.support.TwoNodesOnOneRedis;



/**
 * The log-in lock-out of two nodes (two throttles, as two app processes hold them) against one real redis-server:
 * password guesses sent round-robin through a balancer lock the user name and the address on both nodes after the
 * limit in sum, not after the limit on each.
 */
class LogInLockAcrossNodesTest {

    private static final Duration LOCK = Duration.ofMinutes(15);

    private final Instant now = Instant.parse("2026-11-30T04:00:00Z");
    private TwoNodesOnOneRedis limits;
    private LogInThrottle nodeA;
    private LogInThrottle nodeB;

    @BeforeEach
    void twoNodesOnOneRedis() {
        limits = new TwoNodesOnOneRedis();
        nodeA = new LogInThrottle(limits.nodeA, 10, 30, LOCK);
        nodeB = new LogInThrottle(limits.nodeB, 10, 30, LOCK);
    }

    @AfterEach
    void stop() {
        limits.close();
    }

    @Test
    void tenGuessesSentRoundRobinLockTheUserNameOnBothNodes() {
        for (int i = 0; i < 9; i++) {
            LogInThrottle node = i % 2 == 0 ? nodeA : nodeB;
            assertThat(node.failed("Nurse.A", "10.0.0." + i, now).lockStarted()).isFalse();
            assertThat(nodeA.lockedUntil("nurse.a", "10.0.0.200", now)).isEmpty();
        }
        LogInThrottle.Outcome tenth = nodeB.failed("nurse.a", "10.0.0.99", now);
        assertThat(tenth.lockStarted()).isTrue();
        assertThat(tenth.lockedUntil()).hasValueSatisfying(until -> assertThat(until)
                .isBetween(now.plus(LOCK).minusSeconds(5), now.plus(LOCK)));
        assertThat(nodeA.lockedUntil("nurse.a", "10.0.0.200", now)).isPresent();
        assertThat(nodeB.lockedUntil("nurse.a", "10.0.0.201", now)).isPresent();
        assertThat(nodeA.lockedUntil("someone.else", "10.0.0.200", now)).isEmpty();
        // guesses while locked are refused before they are checked, and start no second lock
        assertThat(nodeA.failed("nurse.a", "10.0.0.98", now).lockStarted()).isFalse();
    }

    @Test
    void guessesFromOneAddressAtManyNamesLockTheAddressOnBothNodes() {
        for (int i = 0; i < 30; i++) {
            (i % 2 == 0 ? nodeA : nodeB).failed("guess" + i, "10.0.0.7", now);
        }
        assertThat(nodeA.lockedUntil("admin", "10.0.0.7", now)).isPresent();
        assertThat(nodeB.lockedUntil("admin", "10.0.0.7", now)).isPresent();
        assertThat(nodeB.lockedUntil("admin", "10.0.0.8", now)).isEmpty();
    }

    @Test
    void aSuccessOnOneNodeClearsTheUserNamesCountOnTheOther() {
        for (int i = 0; i < 9; i++) {
            nodeA.failed("nurse.b", "10.0.1." + i, now);
        }
        nodeB.succeeded("nurse.b");
        assertThat(nodeA.failed("nurse.b", "10.0.1.50", now).lockStarted()).isFalse();
        assertThat(nodeB.lockedUntil("nurse.b", "10.0.1.51", now)).isEmpty();
    }
}
