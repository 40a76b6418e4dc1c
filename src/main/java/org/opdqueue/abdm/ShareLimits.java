package org.opdqueue.abdm;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.opdqueue.limits.Allowance;
import org.opdqueue.limits.Limits;

/**
 * How many shares one source address may post a minute, checked before the JWT (whose check may fetch keys from
 * the gateway), so a flood from the LAN costs neither a signature check nor the database anything. Kept by
 * {@link Limits}, shared by all nodes when there are several; a bounded memory of addresses, as for anonymous issuing.
 */
@ApplicationScoped
public class ShareLimits {

    private final Limits limits;
    private final Allowance perSource;

    public ShareLimits(AbdmConfig config, Limits limits) {
        this.limits = limits;
        this.perSource = Allowance.of("share-source", config.perSourcePerMinute(), Duration.ofMinutes(1))
                .forgettingAfter(Duration.ofMinutes(10));
    }

    public void take(String source) {
        limits.take(perSource, source, "This address has posted as many profile shares as the gateway sends in a minute.");
    }
}
