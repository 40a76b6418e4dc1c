package org.opdqueue.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.opdqueue.nodes.RedisServerResource;
import org.opdqueue.support.TwoNodesOnOneRedis;

/**
 * Two nodes' limits (two {@link Limits}, as two app processes hold them) against one real redis-server: a limit holds
 * in sum, not once per node, whichever node a balancer sends each request to; with Redis killed each node answers at
 * once from its own buckets.
 */
public class LimitsAcrossNodesTest {

    private static final Allowance TEN_A_MINUTE = Allowance.of("test-kiosk", 10, Duration.ofMinutes(1));

    private TwoNodesOnOneRedis nodes;
    private Limits nodeA;
    private Limits nodeB;

    @BeforeEach
    void twoNodesOnOneRedis() {
        nodes = new TwoNodesOnOneRedis();
        nodeA = nodes.nodeA;
        nodeB = nodes.nodeB;
    }

    @AfterEach
    void stop() {
        nodes.close();
    }

    @Test
    void aKioskSentRoundRobinToTwoNodesGetsItsTenAMinuteInSumNotTwenty() {
        int taken = 0;
        for (int i = 0; i < 40; i++) {
            Limits node = i % 2 == 0 ? nodeA : nodeB;
            if (node.tryTake(TEN_A_MINUTE, "K1").isEmpty()) {
                taken++;
            }
        }
        assertThat(taken).isEqualTo(10);
        assertThat(nodeA.way()).isEqualTo(Limits.Way.REDIS);
        assertThat(nodeB.way()).isEqualTo(Limits.Way.REDIS);
        // the refusal says when one is back: one token's spacing at most, six seconds for ten a minute
        assertThat(nodeB.tryTake(TEN_A_MINUTE, "K1")).hasValueSatisfying(wait -> assertThat(wait)
                .isPositive().isLessThanOrEqualTo(Duration.ofSeconds(6)));
        // another kiosk has its own ten
        assertThat(nodeA.tryTake(TEN_A_MINUTE, "K2")).isEmpty();
    }

    @Test
    void withRedisKilledEachNodeAnswersAtOnceFromItsOwnBuckets() throws Exception {
        assertThat(nodeA.tryTake(TEN_A_MINUTE, "K1")).isEmpty(); // through Redis
        // the classes of the local buckets loaded beforehand, so that what is timed below is the wait for Redis
        assertThat(Limits.local().tryTake(TEN_A_MINUTE, "warm-up")).isEmpty();
        ProcessHandle redisServer = ProcessHandle.of(Long.getLong(RedisServerResource.PID)).orElseThrow();
        redisServer.destroyForcibly();
        redisServer.onExit().get();

        List<Long> millis = new ArrayList<>();
        int takenOnA = 0;
        for (int i = 0; i < 30; i++) {
            long started = System.nanoTime();
            boolean taken = nodeA.tryTake(TEN_A_MINUTE, "K2").isEmpty();
            millis.add((System.nanoTime() - started) / 1_000_000);
            takenOnA += taken ? 1 : 0;
        }
        System.out.printf("limits with Redis killed, ms per take on node A: %s%n", millis);
        assertThat(nodeA.way()).isEqualTo(Limits.Way.REDIS_DOWN);
        // no take waited on the dead Redis beyond the bound (and room for a busy machine)
        assertThat(millis).allSatisfy(ms -> assertThat(ms).isLessThan(Limits.REDIS_WAIT.toMillis() + 150));
        // and the limit still holds, on this node's own buckets
        assertThat(takenOnA).isEqualTo(10);
    }

    @Test
    void aFrozenRedisHoldsUpThreeTakesForTheBoundAtMostAndTheRestNotAtAll() throws Exception {
        assertThat(nodeA.tryTake(TEN_A_MINUTE, "K1")).isEmpty(); // through Redis
        assertThat(Limits.local().tryTake(TEN_A_MINUTE, "warm-up")).isEmpty();
        String pid = System.getProperty(RedisServerResource.PID);
        assertThat(new ProcessBuilder("kill", "-STOP", pid).start().waitFor()).isZero(); // answers nothing, closes nothing

        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 20; i++) { // three late answers in a row count Redis as down
            long started = System.nanoTime();
            nodeA.tryTake(TEN_A_MINUTE, "K1");
            millis.add((System.nanoTime() - started) / 1_000_000);
        }
        System.out.printf("limits with Redis frozen, ms per take on node A: %s%n", millis);
        assertThat(nodeA.way()).isEqualTo(Limits.Way.REDIS_DOWN);
        assertThat(millis.subList(0, Limits.LATE_IN_A_ROW)).allSatisfy(ms -> assertThat(ms)
                .isBetween(Limits.REDIS_WAIT.toMillis() - 5, Limits.REDIS_WAIT.toMillis() + 150));
        // the node knows Redis is down: none of the others waited for it (the bound is room for a busy machine's pause)
        assertThat(millis.subList(Limits.LATE_IN_A_ROW, millis.size())).allSatisfy(ms -> assertThat(ms).isLessThan(Limits.REDIS_WAIT.toMillis()));
    }
}
