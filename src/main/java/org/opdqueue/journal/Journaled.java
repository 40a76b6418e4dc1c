package org.opdqueue.journal;

import java.util.List;

/**
 * The entries one command appended, in their order: one CDI event for all of them, so a batch of issues registers one
 * synchronization per observer with its transaction instead of one per entry. Observed
 * {@code during = AFTER_SUCCESS}: it arrives only once that transaction committed.
 */
public record Journaled(List<JournalEntry> entries) {

    public Journaled {
        entries = List.copyOf(entries);
    }

    public boolean any(JournalEventType type) {
        return entries.stream().anyMatch(e -> e.type == type);
    }
}
