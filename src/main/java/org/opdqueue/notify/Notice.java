package org.opdqueue.notify;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of a webhook, and what an SMS is written from. {@code eventId} is the same for every target and every
 * attempt of one event ({@code <tokenId>-<event>}), so a receiver can drop a repeat.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Notice(String eventId, String event, String token, long tokenId, String service, String serviceEn,
        String serviceHi, Long placesAhead, Long estimatedWaitMinutes, String counter, String counterHi, String mobile,
        String language, Instant occurredAt, String hospital) {
}
