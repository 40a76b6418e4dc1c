package org.opdqueue.journal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** What an entry is about; the journal adds type, time, facility and actor. */
public final class JournalEntryBuilder {

    private final JournalEntry entry = new JournalEntry();

    public static JournalEntryBuilder about(Long tokenId, String displayNumber, Long serviceId) {
        JournalEntryBuilder b = new JournalEntryBuilder();
        b.entry.tokenId = tokenId;
        b.entry.displayNumber = displayNumber;
        b.entry.serviceId = serviceId;
        return b;
    }

    public static JournalEntryBuilder system() {
        return new JournalEntryBuilder();
    }

    public JournalEntryBuilder counter(Long counterId) {
        entry.counterId = counterId;
        return this;
    }

    public JournalEntryBuilder fromService(Long serviceId) {
        entry.fromServiceId = serviceId;
        return this;
    }

    public JournalEntryBuilder actor(String actor) {
        entry.actor = actor;
        return this;
    }

    public JournalEntryBuilder detail(String detail) {
        entry.detail = detail;
        return this;
    }

    /** A counter opened, paused or closed; the text says so too unless a detail is given. */
    public JournalEntryBuilder counterState(Enum<?> before, Enum<?> after) {
        entry.counterStateBefore = before == null ? null : before.name();
        entry.counterStateAfter = after.name();
        return this;
    }

    /** What the boards already showed during an outage, written once it is over: kept from the boards. */
    public JournalEntryBuilder replayedFromOutage() {
        entry.outageReplay = true;
        return this;
    }

    public JournalEntryBuilder degraded(String deviceId, Instant deviceTime) {
        entry.degraded = true;
        entry.deviceId = deviceId;
        entry.deviceTime = deviceTime == null ? null : deviceTime.truncatedTo(ChronoUnit.MICROS); // as stored, as hashed
        return this;
    }

    JournalEntry build() {
        if (entry.detail == null && entry.counterStateAfter != null) {
            entry.detail = entry.counterStateBefore + " -> " + entry.counterStateAfter;
        }
        if (entry.outageReplay && (entry.detail == null || !entry.detail.startsWith(JournalEntry.OUTAGE_REPLAY))) {
            entry.detail = JournalEntry.OUTAGE_REPLAY + (entry.detail == null ? "" : entry.detail);
        }
        return entry;
    }
}
