package org.opdqueue.journal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A token as the journal keeps it: what it was made with and the state it is in, with its service and counter named
 * by code. The token makes this of itself ({@code Token#journaled}); the journal cannot see the token package, which
 * depends on it. It also says where the token waited before the change, so the journal can keep the waiting counts in
 * step ({@link WaitingCounts}).
 */
public record JournalToken(
        long id,
        String publicCode,
        LocalDate businessDay,
        String numberSeries,
        int number,
        String displayNumber,
        Long serviceId,
        String serviceCode,
        String priority,
        boolean priorityLane,
        String channel,
        String status,
        Instant issuedAt,
        Instant queuedAt,
        Instant calledAt,
        Instant startedAt,
        Instant completedAt,
        Long counterId,
        String counterCode,
        int callCount,
        String patient,
        boolean degraded,
        String deviceId,
        Instant deviceTime,
        Instant receivedAt,
        boolean reservationUnknown,
        Integer estimatedWaitAtIssue,
        /** The queue the token stood in before this change (as last journaled or loaded), or null: not waiting. */
        WaitingPlace waitingBefore) {

    /** The queue the token stands in after this change, or null when it is not waiting. */
    public WaitingPlace waitingAfter() {
        return "WAITING".equals(status) && serviceId != null ? new WaitingPlace(serviceId, businessDay, priorityLane) : null;
    }
}
