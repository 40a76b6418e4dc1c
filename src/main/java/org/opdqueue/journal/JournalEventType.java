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
    SETUP_CHANGED,
    // Security and set-up events, for audit only (never on a board): who did it is the actor, the detail says to whom.
    STAFF_LOG_IN_FAILED,
    /** Too many failed log-ins for a user name or from one address: log-in refused there for a while. */
    STAFF_LOG_IN_LOCKED,
    STAFF_CREATED,
    STAFF_ROLE_CHANGED,
    /** An admin set someone's password, or a staff member changed their own. */
    STAFF_PASSWORD_SET,
    STAFF_DEACTIVATED,
    STAFF_REACTIVATED,
    DEVICE_KEY_ISSUED,
    DEVICE_KEY_REVOKED,
    PAPER_SLIP_VOIDED
}
