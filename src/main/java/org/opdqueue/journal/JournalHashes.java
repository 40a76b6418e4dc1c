package org.opdqueue.journal;

import java.util.Arrays;
import java.util.Objects;

import org.opdqueue.common.Hashes;

/**
 * The two hashes of an entry. The content hash covers every field but the seq (which the database gives only on
 * insert); the chain hash binds the content to its seq and to the chain hash of the entry before it, so changing,
 * removing or inserting a sealed entry shows at that entry or the one after it.
 */
public final class JournalHashes {

    /** What the first entry's chain starts from. */
    public static final String GENESIS = "";

    private JournalHashes() {
    }

    /**
     * Each field length-prefixed, so no two different entries can spell the same text. The rebuild columns (V23) and
     * the wait told at issue (V38) are each covered after a marker of their own, and only when one of them is set: an
     * entry written before them hashes as it always did, so its stored hash still verifies; setting them to NULL on a
     * newer entry changes its hash all the same.
     */
    static String content(JournalEntry e) {
        return content(new Object[] { e.facility, e.type == null ? null : e.type.name(), e.occurredAt,
                e.businessDay, e.tokenId, e.displayNumber, e.serviceId, e.fromServiceId, e.counterId, e.actor, e.detail,
                e.degraded, e.deviceId, e.deviceTime, e.counterStateBefore, e.counterStateAfter, e.outageReplay },
                new Object[] { e.requestId, e.publicCode, e.tokenDay, e.numberSeries, e.tokenNumber, e.priority,
                        e.priorityLane, e.channel, e.issuedAt, e.receivedAt, e.offlineNumber, e.paperBookId,
                        e.reservationUnknown, e.patient, e.tokenStatus, e.serviceCode, e.fromServiceCode, e.counterCode,
                        e.tokenCounterCode, e.queuedAt, e.calledAt, e.startedAt, e.completedAt, e.callCount },
                new Object[] { e.estimatedWaitAtIssue });
    }

    /**
     * The content hash of an entry read from somewhere else than this database (an archive segment), given its
     * fields in table order: facility to outage_replay ({@code fields}), then request_id to call_count
     * ({@code rebuild}), then estimated_wait_at_issue ({@code told}); the type by name.
     */
    public static String content(Object[] fields, Object[] rebuild, Object[] told) {
        StringBuilder text = new StringBuilder("opd-journal-1");
        append(text, fields);
        appendWhenSet(text, "|rebuild", rebuild);
        appendWhenSet(text, "|told", told);
        return Hashes.sha256Hex(text.toString());
    }

    private static void appendWhenSet(StringBuilder text, String marker, Object[] fields) {
        if (Arrays.stream(fields).anyMatch(Objects::nonNull)) {
            text.append(marker);
            append(text, fields);
        }
    }

    private static void append(StringBuilder text, Object[] fields) {
        for (Object field : fields) {
            if (field == null) {
                text.append("|-");
            } else {
                String value = field.toString();
                text.append('|').append(value.length()).append(':').append(value);
            }
        }
    }

    public static String chain(String previousChain, long seq, String content) {
        return Hashes.sha256Hex(previousChain + "|" + seq + "|" + content);
    }
}
