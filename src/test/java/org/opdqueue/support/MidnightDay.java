package org.opdqueue.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * For tests that set the hospital's clock to fixed times of a day (09:20, 11:00): their day starts at midnight,
 * as in production, whatever time of night the suite runs (see {@link NightTestDay}).
 */
public class MidnightDay implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(NightTestDay.DAY_STARTS_AT, "00:00");
    }
}
