package org.opdqueue.appointment;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.opdqueue.common.OpdConfig;
import org.opdqueue.common.ProblemException;

/**
 * How many appointment look-ups a kiosk may make: a look-up by mobile answers with initials and times, and a kiosk
 * (or a stolen kiosk key) must not walk through the mobile numbers of a town to learn who comes today.
 */
@ApplicationScoped
public class KioskLookups {

    private final Cache<String, Bucket> kiosks = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterAccess(Duration.ofHours(1)).build();
    private final int perMinute;

    public KioskLookups(OpdConfig config) {
        this.perMinute = config.appointments().kioskLookupsPerMinute();
    }

    public void take(String kioskCode) {
        Bucket bucket = kiosks.get(kioskCode, code -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1))).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw ProblemException.tooManyRequests("Kiosk " + kioskCode + " has looked up as many appointments as a "
                    + "kiosk can in a minute.", Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }
}
