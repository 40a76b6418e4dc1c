package org.opdqueue.display;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.opdqueue.common.OpdConfig;
import org.opdqueue.common.ProblemException;

/**
 * How many board snapshots one client address may read over HTTP a minute. The snapshot shows no more than a board on
 * the wall (numbers and counts), so it needs no key, but an unknown board id is read from the database each time and
 * a known one costs a serialisation: a flood is refused in memory before either. A bounded map of addresses, as for
 * anonymous issuing; a board refused here still gets its snapshot over its socket.
 */
@ApplicationScoped
public class SnapshotReads {

    private final Cache<String, Bucket> addresses = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();
    private final int perMinute;

    public SnapshotReads(OpdConfig config) {
        this.perMinute = config.display().snapshotsPerAddressPerMinute();
    }

    public void take(String address) {
        Bucket bucket = addresses.get(address, a -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1))).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw ProblemException.tooManyRequests("This address has read as many board snapshots as a minute allows; "
                    + "a board gets its own over its socket.", Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }
}
