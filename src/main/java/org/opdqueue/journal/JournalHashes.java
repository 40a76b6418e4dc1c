package org.opdqueue.journal;

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

    /** Each field length-prefixed, so no two different entries can spell the same text. */
    static String content(JournalEntry e) {
        StringBuilder text = new StringBuilder("opd-journal-1");
        for (Object field : new Object[] { e.facility, e.type == null ? null : e.type.name(), e.occurredAt,
                e.businessDay, e.tokenId, e.displayNumber, e.serviceId, e.fromServiceId, e.counterId, e.actor, e.detail,
                e.degraded, e.deviceId, e.deviceTime, e.counterStateBefore, e.counterStateAfter, e.outageReplay }) {
            if (field == null) {
                text.append("|-");
            } else {
                String value = field.toString();
                text.append('|').append(value.length()).append(':').append(value);
            }
        }
        return Hashes.sha256Hex(text.toString());
    }

    public static String chain(String previousChain, long seq, String content) {
        return Hashes.sha256Hex(previousChain + "|" + seq + "|" + content);
    }
}
