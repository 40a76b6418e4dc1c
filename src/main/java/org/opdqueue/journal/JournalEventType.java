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
    MODE_CHANGED,
    /** The hospital's set-up changed (categories, staff passwords, …): for audit, never shown on boards. */
    SETUP_CHANGED
}
