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
        if (e.type == JournalEventType.SETUP_CHANGED) {
            return false; // boards take a set-up change as a fresh snapshot (DisplayFeed.reloadBoards), not as an event
        }
        return (e.serviceId != null && serviceIds.contains(e.serviceId))
                || (e.fromServiceId != null && serviceIds.contains(e.fromServiceId))
                || (e.counterId != null && counterIds.contains(e.counterId));
    }
}
