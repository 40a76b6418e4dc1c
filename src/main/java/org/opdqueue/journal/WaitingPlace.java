package org.opdqueue.journal;

import java.time.LocalDate;

/** The queue a waiting token stands in: its service on its day, in one of the two lanes. */
public record WaitingPlace(long serviceId, LocalDate day, boolean priorityLane) {
}
