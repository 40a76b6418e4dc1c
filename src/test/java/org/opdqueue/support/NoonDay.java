package org.opdqueue.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A hospital whose business day starts at noon, whatever the hour the tests run: between midnight and noon its
 * calendar date is already a day past its business day, which is what an offline kiosk must not be fooled by.
 */
public class NoonDay implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(NightTestDay.DAY_STARTS_AT, "12:00");
    }
}
