package org.opdqueue.abdm;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** What every call to the gateway shares. */
final class GatewayCalls {

    /** UTC, ISO-8601 with milliseconds and a trailing Z, as ABDM asks: {@code 2022-10-06T15:10:00.587Z}. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private GatewayCalls() {
    }

    static String timestamp(Instant at) {
        return TIMESTAMP.format(at);
    }
}
