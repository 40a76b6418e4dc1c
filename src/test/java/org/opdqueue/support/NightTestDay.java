package org.opdqueue.support;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Many tests move the hospital's clock back or forward a few hours inside one business day (a kiosk's reserve
 * three hours ago, paper books printed two hours before). Run between 21:00 and 05:00 in the hospital, those hours
 * fall in another business day and the tests fail for the time of day, not for the code. At that time of night the
 * test hospital's day starts at noon instead of midnight, so the suite passes whenever it is run. Any other time
 * nothing changes.
 */
public class NightTestDay implements ConfigSource {

    static final String DAY_STARTS_AT = "opd.facility.day-starts-at";
    private static final String VALUE = dayStart(LocalTime.now(ZoneId.of("Asia/Kolkata")));

    static String dayStart(LocalTime now) {
        return now.getHour() >= 21 || now.getHour() < 5 ? "12:00" : "00:00";
    }

    /** True while the test hospital's day starts at noon: tests of a calendar day ask the hospital for its day. */
    public static boolean noonDay() {
        return "12:00".equals(VALUE);
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(DAY_STARTS_AT);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(DAY_STARTS_AT, VALUE);
    }

    @Override
    public String getValue(String name) {
        return DAY_STARTS_AT.equals(name) ? VALUE : null;
    }

    @Override
    public String getName() {
        return "night-test-day";
    }

    @Override
    public int getOrdinal() {
        return 275; // over application.properties (250), under -D and the environment
    }
}
