package org.opdqueue.display;

import java.util.Set;

import org.opdqueue.journal.JournalEntry;
import org.opdqueue.journal.JournalEventType;

/** Which services and counters a board shows, and so which events concern it. */
public record BoardScope(long boardId, Set<Long> serviceIds, Set<Long> counterIds) {

    public boolean concerns(JournalEntry e) {
        if (e.type == JournalEventType.MODE_CHANGED) {
            return true;
        }
        return (e.serviceId != null && serviceIds.contains(e.serviceId))
                || (e.fromServiceId != null && serviceIds.contains(e.fromServiceId))
                || (e.counterId != null && counterIds.contains(e.counterId));
    }
}
