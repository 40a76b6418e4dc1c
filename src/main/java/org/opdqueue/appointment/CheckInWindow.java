package org.opdqueue.appointment;

import java.time.Duration;
import java.time.Instant;

/**
 * The call policy's word on an appointment: a patient who checks in from {@code early} before the slot to
 * {@code late} after it keeps the slot's place in the queue; earlier, they are asked to come back; later, they
 * queue as a walk-in would, from the moment they arrive.
 */
public record CheckInWindow(Duration early, Duration late) {

    public enum Arrival {
        TOO_EARLY,
        ON_TIME,
        LATE
    }

    public static CheckInWindow ofMinutes(int early, int late) {
        return new CheckInWindow(Duration.ofMinutes(early), Duration.ofMinutes(late));
    }

    public Arrival judge(Instant slot, Instant now) {
        if (now.isBefore(opensAt(slot))) {
            return Arrival.TOO_EARLY;
        }
        return now.isAfter(closesAt(slot)) ? Arrival.LATE : Arrival.ON_TIME;
    }

    /** The first moment the patient may check in for this slot. */
    public Instant opensAt(Instant slot) {
        return slot.minus(early);
    }

    /** After this moment the slot's place is gone: a patient not checked in by then is an appointment no-show. */
    public Instant closesAt(Instant slot) {
        return slot.plus(late);
    }
}
