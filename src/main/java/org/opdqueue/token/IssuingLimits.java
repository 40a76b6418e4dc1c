package org.opdqueue.token;

import java.time.Duration;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.opdqueue.common.OpdConfig;
import org.opdqueue.common.ProblemException;

/**
 * How fast each issuer may take tokens: a token bucket per kiosk, one per anonymous client address and one for all
 * anonymous clients together; staff are not limited (they log in, and the journal names them). Checked before any
 * database work, so a refused flood costs the database nothing. The buckets live in memory: a restart forgets them,
 * which costs an attacker a restart they cannot cause. An attacker on the LAN can change address at will, so the
 * per-address buckets are kept in a bounded map that forgets the least recently used, and the shared bucket caps what
 * any number of addresses take together.
 */
@ApplicationScoped
public class IssuingLimits {

    private final Cache<String, Bucket> kiosks;
    private final Cache<String, Bucket> clients;
    private final Bucket allAnonymous;
    private final Supplier<Bucket> newKioskBucket;
    private final Supplier<Bucket> newClientBucket;

    @Inject
    public IssuingLimits(OpdConfig config) {
        this(config.issuing().kiosk().perMinute(), config.issuing().anonymous().perClientPerHour(),
                config.issuing().anonymous().perMinute(), config.issuing().anonymous().clientsRemembered());
    }

    IssuingLimits(int kioskPerMinute, int perClientPerHour, int anonymousPerMinute, int clientsRemembered) {
        this.newKioskBucket = () -> bucket(kioskPerMinute, Duration.ofMinutes(1));
        this.newClientBucket = () -> bucket(perClientPerHour, Duration.ofHours(1));
        this.allAnonymous = bucket(anonymousPerMinute, Duration.ofMinutes(1));
        this.kiosks = Caffeine.newBuilder().maximumSize(10_000).expireAfterAccess(Duration.ofHours(1)).build();
        this.clients = Caffeine.newBuilder().maximumSize(clientsRemembered).expireAfterAccess(Duration.ofHours(1)).build();
    }

    /** How many client addresses are kept track of now (for the test that floods it with addresses). */
    long clientsKnown() {
        clients.cleanUp();
        return clients.estimatedSize();
    }

    /** Takes one token's worth from the issuer's allowance, or refuses with a 429 saying when to come back. */
    public void take(Issuer issuer) {
        switch (issuer.kind()) {
            case STAFF -> {
            }
            case GATEWAY -> {
                // limited per source by the Scan & Share intake, before the gateway's signature is checked
            }
            case KIOSK -> take(kiosks.get(issuer.name(), code -> newKioskBucket.get()),
                    "Kiosk " + issuer.name() + " has issued as many tokens as a kiosk can in a minute.");
            case ANONYMOUS -> {
                take(clients.get(issuer.name(), address -> newClientBucket.get()),
                        "This device has taken as many tokens as one patient needs; ask at the registration counter.");
                take(allAnonymous, "Too many tokens are being taken from phones just now; use a kiosk or the counter.");
            }
        }
    }

    private static void take(Bucket bucket, String why) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw ProblemException.tooManyRequests(why, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private static Bucket bucket(int tokens, Duration per) {
        return Bucket.builder().addLimit(limit -> limit.capacity(tokens).refillGreedy(tokens, per)).build();
    }
}
