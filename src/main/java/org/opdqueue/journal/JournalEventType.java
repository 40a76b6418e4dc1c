package org.opdqueue.journal;

public enum JournalEventType {
    ISSUED,
    CALLED,
    RECALLED,
    STARTED,
    COMPLETED,
    NO_SHOW,
    REQUEUED,
    TRANSFERRED,
    CANCELLED,
    COUNTER_STATE_CHANGED,
    MODE_CHANGED
}
