package org.opdqueue.token;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A token as the API shows it: numbers and places only, never the patient's details. {@code reservationUnknown}
 * is there (true) only on an offline kiosk token merged without a record of the block its number came from.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenView(
        long id,
        String code,
        String number,
        String serviceCode,
        ServiceName serviceName,
        String priority,
        Channel channel,
        TokenStatus status,
        CounterRef counter,
        Long peopleAhead,
        Long estimatedWaitMinutes,
        LocalDate businessDay,
        Instant issuedAt,
        Instant calledAt,
        int callCount,
        boolean degraded,
        Boolean reservationUnknown) {

    public record ServiceName(String en, String hi) {
    }

    public record CounterRef(long id, String code, String name) {
    }
}
