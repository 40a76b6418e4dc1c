package org.opdqueue.status;

public enum Mode {
    NORMAL,
    DEGRADED
}
