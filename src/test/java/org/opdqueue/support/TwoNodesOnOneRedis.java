package org.opdqueue.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;

import org.opdqueue.limits.Limits;
import org.opdqueue.nodes.RedisServerResource;

/**
 * A real redis-server and two nodes' {@link Limits} on it (as two app processes hold them), each having reached Redis;
 * for the tests of what the limits keep across nodes. Close it after each test.
 */
public final class TwoNodesOnOneRedis implements AutoCloseable {

    private final RedisServerResource redis = new RedisServerResource();
    private final Vertx vertx = Vertx.vertx();
    public final Limits nodeA;
    public final Limits nodeB;

    public TwoNodesOnOneRedis() {
        String url = redis.start().get("opd.redis.url");
        nodeA = new Limits(vertx, url, "opd:TEST:limit:");
        nodeB = new Limits(vertx, url, "opd:TEST:limit:");
        reachRedis(nodeA);
        reachRedis(nodeB);
    }

    /** A node reaches Redis with its first ping, a few ms after it starts; until then it keeps its own buckets. */
    public static void reachRedis(Limits node) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (node.way() != Limits.Way.REDIS) {
            assertThat(System.nanoTime()).as("Redis reached within 5 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @Override
    public void close() {
        nodeA.close();
        nodeB.close();
        vertx.close();
        redis.stop();
    }
}
