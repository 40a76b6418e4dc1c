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
    /** An admin's or an operator's change to the hospital's set-up (services, categories, counters, boards, devices,
     * staff and their passwords): for audit, never an event on a board. */
    SETUP_CHANGED
}
