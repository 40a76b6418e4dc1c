package org.opdqueue.journal;

import java.time.Instant;

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

    public JournalEntryBuilder degraded(String deviceId, Instant deviceTime) {
        entry.degraded = true;
        entry.deviceId = deviceId;
        entry.deviceTime = deviceTime;
        return this;
    }

    JournalEntry build() {
        return entry;
    }
}
