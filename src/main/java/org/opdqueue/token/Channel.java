package org.opdqueue.token;

/** How a token was issued. */
public enum Channel {
    KIOSK,
    COUNTER,
    APPOINTMENT,
    OFFLINE_KIOSK,
    PAPER;

    public boolean offline() {
        return this == OFFLINE_KIOSK || this == PAPER;
    }
}
