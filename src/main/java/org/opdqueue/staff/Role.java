package org.opdqueue.staff;

/** What a staff member may do. Role names are the security roles checked by {@code @RolesAllowed}. */
public enum Role {
    /** Sets the hospital up: services, counters, boards, kiosks, staff. Can do everything else too. */
    ADMIN,
    /** Registration clerk: issues tokens for walk-ins and can work a counter. */
    REGISTRAR,
    /** Counter or room staff: calls and serves patients. */
    COUNTER;

    public static final String ADMIN_ROLE = "ADMIN";
    public static final String REGISTRAR_ROLE = "REGISTRAR";
    public static final String COUNTER_ROLE = "COUNTER";

    public boolean issuesTokens() {
        return this == ADMIN || this == REGISTRAR;
    }
}
