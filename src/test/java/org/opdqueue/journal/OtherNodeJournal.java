package org.opdqueue.journal;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;

/**
 * Appends an entry as another app node would: the same row {@link Journal#append} writes, in the caller's
 * transaction, but nothing in this process hears of its commit; only reading the journal finds it.
 */
public final class OtherNodeJournal {

    private OtherNodeJournal() {
    }

    public static JournalEntry append(Facility facility, HospitalClock clock, JournalEventType type,
            JournalEntryBuilder details) {
        JournalEntry entry = details.build();
        entry.facility = facility.code();
        entry.type = type;
        entry.occurredAt = clock.now();
        entry.businessDay = clock.businessDayOf(entry.occurredAt);
        entry.contentHash = JournalHashes.content(entry);
        entry.persistAndFlush();
        return entry;
    }
}
