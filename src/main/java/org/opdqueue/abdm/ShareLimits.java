package org.opdqueue.abdm;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.opdqueue.common.ProblemException;

/**
 * How many shares one source address may post a minute, checked before the JWT (whose check may fetch keys from
 * the gateway), so a flood from the LAN costs neither a signature check nor the database anything. A bounded map of
 * addresses, as for anonymous issuing.
 */
@ApplicationScoped
public class ShareLimits {

    private final Cache<String, Bucket> sources = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();
    private final int perMinute;

    public ShareLimits(AbdmConfig config) {
        this.perMinute = config.perSourcePerMinute();
    }

    public void take(String source) {
        Bucket bucket = sources.get(source, s -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1))).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw ProblemException.tooManyRequests("This address has posted as many profile shares as the gateway sends "
                    + "in a minute.", Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }
}
