package org.opdqueue.token;

/** How a token was issued. */
public enum Channel {
    KIOSK,
    COUNTER,
    APPOINTMENT,
    OFFLINE_KIOSK,
    PAPER,
    /** The patient scanned a counter's QR code with an ABHA app and the ABDM gateway shared their profile (issue 17). */
    SCAN_SHARE;

    public boolean offline() {
        return this == OFFLINE_KIOSK || this == PAPER;
    }
}
