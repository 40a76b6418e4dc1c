package org.opdqueue.device;

public enum DeviceKind {
    /** Self-service token kiosk with a slip printer. */
    KIOSK,
    /** PC driving a waiting-hall display board. */
    BOARD
}
