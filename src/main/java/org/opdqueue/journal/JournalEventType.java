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
    PAPER_SLIP_VOIDED,
    /**
     * A complete or a no-show taken back at the counter within seconds (a mis-key): the token is again as it was
     * just before it (CALLED, or SERVING when it had been started), at the same counter. Always about the token's
     * previous entry, which was its COMPLETED or NO_SHOW.
     */
    UNDONE,
    /**
     * The application now writes to another database server than before (a replica promoted after the primary was
     * lost): the day's online and paper numbers were moved on, so none the old primary gave is given again.
     */
    DATABASE_PROMOTED,
    /** Appointments imported (an admin's CSV upload or JSON, or the booking portal): how many rows, from where. */
    APPOINTMENTS_IMPORTED,
    /** A service's check-in window for appointments changed: the minutes before and after the slot, old and new. */
    CHECK_IN_WINDOW_CHANGED
}
