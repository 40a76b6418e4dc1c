package org.opdqueue.recovery;

import java.time.Instant;
import java.time.LocalDate;

import org.opdqueue.journal.JournalEntry;
import org.opdqueue.journal.JournalEventType;
import org.opdqueue.journal.JournalHashes;

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
        Integer callCount,
        Integer estimatedWaitAtIssue) {

    public static JournalRecord of(JournalEntry e) {
        return new JournalRecord(e.seq, e.facility, e.type, e.occurredAt, e.businessDay, e.tokenId, e.displayNumber,
                e.serviceId, e.fromServiceId, e.counterId, e.actor, e.detail, e.degraded, e.deviceId, e.deviceTime,
                e.counterStateBefore, e.counterStateAfter, e.outageReplay, e.contentHash, e.chainHash, e.requestId,
                e.publicCode, e.tokenDay, e.numberSeries, e.tokenNumber, e.priority, e.priorityLane, e.channel,
                e.issuedAt, e.receivedAt, e.offlineNumber, e.paperBookId, e.reservationUnknown, e.patient, e.tokenStatus,
                e.serviceCode, e.fromServiceCode, e.counterCode, e.tokenCounterCode, e.queuedAt, e.calledAt, e.startedAt,
                e.completedAt, e.callCount, e.estimatedWaitAtIssue);
    }

    /** The content hash the fields give now: {@link #contentHash} unless the entry was changed since it was written. */
    public String computedContentHash() {
        return JournalHashes.content(new Object[] { facility, type == null ? null : type.name(), occurredAt, businessDay,
                tokenId, displayNumber, serviceId, fromServiceId, counterId, actor, detail, degraded, deviceId, deviceTime,
                counterStateBefore, counterStateAfter, outageReplay },
                new Object[] { requestId, publicCode, tokenDay, numberSeries, tokenNumber, priority, priorityLane, channel,
                        issuedAt, receivedAt, offlineNumber, paperBookId, reservationUnknown, patient, tokenStatus,
                        serviceCode, fromServiceCode, counterCode, tokenCounterCode, queuedAt, calledAt, startedAt,
                        completedAt, callCount },
                new Object[] { estimatedWaitAtIssue });
    }

    /**
     * The chain hash this entry must have when it follows an entry whose chain hash is {@code previousChainHash}
     * ({@link JournalHashes#GENESIS} for the first): over the content its fields give, as the sealer chains it.
     */
    public String computedChainHash(String previousChainHash) {
        return JournalHashes.chain(previousChainHash, seq, computedContentHash());
    }

    /** Whether the entry says what state a token is in after it (written since V23 by a change to a token). */
    public boolean carriesTokenState() {
        return tokenId != null && tokenStatus != null;
    }
}
