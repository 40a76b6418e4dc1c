package org.opdqueue.recovery;

import java.time.Instant;
import java.time.LocalDate;

import org.opdqueue.journal.JournalEntry;
import org.opdqueue.journal.JournalEventType;

/**
 * One journal entry as plain data, every column of {@code journal_entry} in table order: what the day is rebuilt from,
 * whether it was read from the database ({@link #of}) or from a line of an off-host archive segment.
 */
public record JournalRecord(
        long seq,
        String facility,
        JournalEventType type,
        Instant occurredAt,
        LocalDate businessDay,
        Long tokenId,
        String displayNumber,
        Long serviceId,
        Long fromServiceId,
        Long counterId,
        String actor,
        String detail,
        boolean degraded,
        String deviceId,
        Instant deviceTime,
        String counterStateBefore,
        String counterStateAfter,
        boolean outageReplay,
        String contentHash,
        String chainHash,
        String requestId,
        String publicCode,
        LocalDate tokenDay,
        String numberSeries,
        Integer tokenNumber,
        String priority,
        Boolean priorityLane,
        String channel,
        Instant issuedAt,
        Instant receivedAt,
        String offlineNumber,
        Long paperBookId,
        Boolean reservationUnknown,
        String patient,
        String tokenStatus,
        String serviceCode,
        String fromServiceCode,
        String counterCode,
        String tokenCounterCode,
        Instant queuedAt,
        Instant calledAt,
        Instant startedAt,
        Instant completedAt,
        Integer callCount) {

    public static JournalRecord of(JournalEntry e) {
        return new JournalRecord(e.seq, e.facility, e.type, e.occurredAt, e.businessDay, e.tokenId, e.displayNumber,
                e.serviceId, e.fromServiceId, e.counterId, e.actor, e.detail, e.degraded, e.deviceId, e.deviceTime,
                e.counterStateBefore, e.counterStateAfter, e.outageReplay, e.contentHash, e.chainHash, e.requestId,
                e.publicCode, e.tokenDay, e.numberSeries, e.tokenNumber, e.priority, e.priorityLane, e.channel,
                e.issuedAt, e.receivedAt, e.offlineNumber, e.paperBookId, e.reservationUnknown, e.patient, e.tokenStatus,
                e.serviceCode, e.fromServiceCode, e.counterCode, e.tokenCounterCode, e.queuedAt, e.calledAt, e.startedAt,
                e.completedAt, e.callCount);
    }

    /** Whether the entry says what state a token is in after it (written since V23 by a change to a token). */
    public boolean carriesTokenState() {
        return tokenId != null && tokenStatus != null;
    }
}
