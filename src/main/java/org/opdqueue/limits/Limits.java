package org.opdqueue.limits;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.runtime.Startup;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import org.opdqueue.common.Facility;
import org.opdqueue.common.OpdConfig;
import org.opdqueue.common.ProblemException;
import org.opdqueue.nodes.FanOut;

/**
 * The one place the limits on what anyone may do without a staff log-in are kept (issuing per kiosk and per phone,
 * appointment look-ups, Scan &amp; Share posts, and the log-in lock-out's counts). With one node they are token
 * buckets in this JVM's memory. With several nodes behind a balancer, each node's own buckets would let N times as
 * much through, so when Redis is configured every node takes from the same bucket there (a GCRA script: one key per
 * bucket, holding when it is next full, on Redis's clock). Redis is asked for at most {@link #REDIS_WAIT}: a Redis
 * that is down or slow never holds up issuing; the node then takes from its own buckets until a ping finds Redis
 * again, and {@link #way()} says so on /api/status.
 */
@ApplicationScoped
@Startup // reaches Redis before the first request needs it
public class Limits {

    static final Duration REDIS_WAIT = Duration.ofMillis(50);
    /** Answers later than the bound in a row before Redis counts as down: one is a busy moment, not an outage. */
    static final int LATE_IN_A_ROW = 3;
    private static final long PING_MILLIS = 2000;
    private static final Logger LOG = Logger.getLogger(Limits.class);

    /**
     * Generic cell rate algorithm: the key holds the theoretical arrival time (µs); a take is allowed while that is
     * less than a full bucket ahead of now. Answers 0 when taken, else the µs until one token is back.
     */
    private static final String TAKE = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
            local interval = tonumber(ARGV[1])
            local full = tonumber(ARGV[2])
            local tat = tonumber(redis.call('GET', KEYS[1]) or now)
            if tat < now then tat = now end
            local wait = tat + interval - full - now
            if wait > 0 then return wait end
            tat = tat + interval
            redis.call('SET', KEYS[1], string.format('%.0f', tat), 'PX', math.max(1, math.ceil((tat - now) / 1000)))
            return 0
            """;

    /** How issuing and the other limits are kept on this node now, for /api/status. */
    public enum Way {
        /** One node, no Redis configured: this node's own buckets, as designed. */
        LOCAL("local"),
        /** Shared by every node through Redis. */
        REDIS("redis"),
        /** Redis configured but not answering (or not yet): this node's own buckets until a ping is answered. */
        REDIS_DOWN("local, Redis down");

        private final String text;

        Way(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private final Map<Allowance, Cache<String, Bucket>> local = new ConcurrentHashMap<>();
    private final Vertx vertx;
    private final Redis redis;
    private final String prefix;
    private final long pinger;
    private volatile Way way;
    private final AtomicInteger late = new AtomicInteger();

    @Inject
    public Limits(Vertx vertx, Facility facility, OpdConfig config) {
        this(vertx, FanOut.redisUrl(config).orElse(null), "opd:" + facility.code() + ":limit:");
    }

    /** Through the Redis at {@code url} (null: this node's own buckets only), its keys starting with {@code prefix}. */
    public Limits(Vertx vertx, String url, String prefix) {
        this.vertx = vertx;
        this.prefix = prefix;
        if (url == null) {
            this.redis = null;
            this.pinger = -1;
            this.way = Way.LOCAL;
        } else {
            this.redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(url).setMaxPoolWaiting(200)
                    .setNetClientOptions(new NetClientOptions().setConnectTimeout(1000)));
            this.way = Way.REDIS_DOWN; // until the first ping, a few ms from now, has opened a connection
            this.pinger = vertx.setPeriodic(1, PING_MILLIS, t -> ping());
        }
    }

    /** This node's own buckets only, as the single-node demo runs (and the tests of one limit). */
    public static Limits local() {
        return new Limits(null, null, "");
    }

    @PreDestroy
    public void close() {
        if (redis != null) {
            vertx.cancelTimer(pinger);
            redis.close();
        }
    }

    public Way way() {
        return way;
    }

    /** Takes one from the key's bucket, or refuses with a 429 that says {@code why} and when to come back. */
    public void take(Allowance allowance, String key, String why) {
        tryTake(allowance, key).ifPresent(wait -> {
            throw ProblemException.tooManyRequests(why, wait);
        });
    }

    /** Empty when one was taken from the key's bucket, else how long until one is back. */
    public Optional<Duration> tryTake(Allowance allowance, String key) {
        Optional<Response> shared = shared(TAKE, List.of(allowance.name() + ":" + key), takeArguments(allowance));
        return shared.isPresent() ? waitOf(shared.get()) : takeHere(allowance, key);
    }

    /**
     * As {@link #take}, without holding the calling thread: for an event loop (the issue endpoint answers a kiosk
     * there). Completes with nothing when taken, or fails with the 429 saying {@code why}; Redis is given
     * {@link #REDIS_WAIT} as on a worker, then this node's own bucket answers.
     */
    public CompletionStage<Void> takeLater(Allowance allowance, String key, String why) {
        return tryTakeLater(allowance, key).thenCompose(wait -> wait.isEmpty()
                ? CompletableFuture.<Void>completedFuture(null)
                : CompletableFuture.<Void>failedFuture(ProblemException.tooManyRequests(why, wait.get())));
    }

    /** As {@link #tryTake}, answering later instead of waiting for Redis on the calling thread. */
    public CompletionStage<Optional<Duration>> tryTakeLater(Allowance allowance, String key) {
        return sharedLater(TAKE, List.of(allowance.name() + ":" + key), takeArguments(allowance))
                .thenApply(shared -> shared.isPresent() ? waitOf(shared.get()) : takeHere(allowance, key));
    }

    private static List<Long> takeArguments(Allowance allowance) {
        return List.of(allowance.intervalMicros(), allowance.intervalMicros() * allowance.tokens());
    }

    private static Optional<Duration> waitOf(Response answer) {
        long micros = answer.toLong();
        return micros <= 0 ? Optional.empty() : Optional.of(Duration.ofNanos(micros * 1000));
    }

    private Optional<Duration> takeHere(Allowance allowance, String key) {
        Bucket bucket = local.computeIfAbsent(allowance, a -> Caffeine.newBuilder().maximumSize(a.keysRemembered())
                .expireAfterAccess(a.forgetAfter()).build())
                .get(key, k -> Bucket.builder().addLimit(limit -> limit.capacity(allowance.tokens())
                        .refillGreedy(allowance.tokens(), allowance.per())).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** How many keys of this allowance this node's own buckets hold now (for the test that floods addresses). */
    public long keysKnownHere(Allowance allowance) {
        Cache<String, Bucket> keys = local.get(allowance);
        if (keys == null) {
            return 0;
        }
        keys.cleanUp();
        return keys.estimatedSize();
    }

    /**
     * Runs a Lua script on the shared Redis, its keys under this hospital's prefix; empty when there is no Redis, or it
     * is down, or it did not answer within {@link #REDIS_WAIT}: the caller then keeps the count on this node. For
     * counts other than buckets (the log-in lock-out), so that all the limits go one way.
     */
    public Optional<Response> shared(String script, List<String> keys, List<?> args) {
        if (Context.isOnEventLoopThread()) {
            return Optional.empty(); // an event loop must not wait, not even 50 ms: it asks sharedLater
        }
        return sharedLater(script, keys, args).join();
    }

    /**
     * As {@link #shared}, completing when Redis answers, or with nothing after {@link #REDIS_WAIT} (counted towards
     * taking Redis as down) or at once when there is no Redis or it is down.
     */
    public CompletableFuture<Optional<Response>> sharedLater(String script, List<String> keys, List<?> args) {
        if (redis == null || way != Way.REDIS) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        CompletableFuture<Optional<Response>> answered = new CompletableFuture<>();
        // The timer and the answer may run on two threads: whichever settles first counts (late, or in time) before
        // it completes, so a caller woken by the third late answer already finds Redis counted as down.
        AtomicBoolean settled = new AtomicBoolean();
        long bound = vertx.setTimer(REDIS_WAIT.toMillis(), t -> {
            if (settled.compareAndSet(false, true)) {
                answeredLate();
                answered.complete(Optional.empty());
            }
        });
        redis.send(eval(script, keys, args)).onComplete(answer -> {
            vertx.cancelTimer(bound);
            if (answer.failed()) {
                down(String.valueOf(answer.cause().getMessage()));
                answered.complete(Optional.empty());
            } else if (settled.compareAndSet(false, true)) {
                late.set(0);
                answered.complete(Optional.of(answer.result()));
            }
        });
        return answered;
    }

    private Request eval(String script, List<String> keys, List<?> args) {
        Request eval = Request.cmd(Command.EVAL).arg(script).arg(keys.size());
        keys.forEach(key -> eval.arg(prefix + key));
        args.forEach(arg -> eval.arg(String.valueOf(arg)));
        return eval;
    }

    private void answeredLate() {
        if (late.incrementAndGet() >= LATE_IN_A_ROW) {
            down(LATE_IN_A_ROW + " answers in a row later than " + REDIS_WAIT.toMillis() + " ms");
        }
    }

    private void ping() {
        long unanswered = vertx.setTimer(1000, t -> down("no answer to a ping within 1 s"));
        redis.send(Request.cmd(Command.PING)).onComplete(answer -> {
            vertx.cancelTimer(unanswered);
            if (answer.failed()) {
                down(answer.cause().getMessage());
            } else if (way != Way.REDIS) {
                late.set(0);
                warmUp();
                way = Way.REDIS;
                LOG.info("Limits shared with the other nodes through Redis");
            }
        });
    }

    /** The first script run costs a cold node more than the bound: run once before the first request needs it. */
    private void warmUp() {
        redis.send(Request.cmd(Command.EVAL).arg(TAKE).arg(1).arg(prefix + "warm-up").arg(1).arg(1));
    }

    private void down(String why) {
        LOG.debugf("Redis not answering for the limits: %s", why);
        if (way == Way.REDIS) {
            way = Way.REDIS_DOWN;
            LOG.warnf("Redis lost (%s): each node keeps the limits in its own memory until it is back", why);
        }
    }
}
