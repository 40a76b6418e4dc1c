package org.opdqueue.appointment;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.opdqueue.common.OpdConfig;
import org.opdqueue.limits.Allowance;
import org.opdqueue.limits.Limits;

/**
 * How many appointment look-ups a kiosk may make: a look-up by mobile answers with initials and times, and a kiosk
 * (or a stolen kiosk key) must not walk through the mobile numbers of a town to learn who comes today. Kept by
 * {@link Limits}: a kiosk's look-ups through any node count against the one allowance.
 */
@ApplicationScoped
public class KioskLookups {

    private final Limits limits;
    private final Allowance perKiosk;

    public KioskLookups(OpdConfig config, Limits limits) {
        this.limits = limits;
        this.perKiosk = Allowance.of("lookup-kiosk", config.appointments().kioskLookupsPerMinute(), Duration.ofMinutes(1));
    }

    public void take(String kioskCode) {
        limits.take(perKiosk, kioskCode, "Kiosk " + kioskCode + " has looked up as many appointments as a kiosk can in "
                + "a minute.");
    }
}
