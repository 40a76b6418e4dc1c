package org.opdqueue.counter;

public enum CounterState {
    OPEN,
    PAUSED,
    CLOSED
}
