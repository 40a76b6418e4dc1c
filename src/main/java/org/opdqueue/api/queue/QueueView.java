package org.opdqueue.api.queue;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A service's queue: who waits, in the order they will be called, and who is at a counter now. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueueView(String serviceCode, int waitingCount, int openCounters, long estimatedWaitMinutes,
        List<Waiting> waiting, List<AtCounter> atCounters) {

    /**
     * The same queue listing only {@code limit} waiting tokens after the first {@code offset}; the count stays the
     * total and each token keeps its place in the whole queue ({@code position}).
     */
    public QueueView page(int offset, int limit) {
        if (offset == 0 && waiting.size() <= limit) {
            return this;
        }
        int from = Math.min(offset, waiting.size());
        return new QueueView(serviceCode, waitingCount, openCounters, estimatedWaitMinutes,
                waiting.subList(from, Math.min(waiting.size(), from + limit)), atCounters);
    }

    /**
     * The same queue without the priority categories, for anonymous callers: PREGNANT or DIVYANG beside a number says
     * something about a patient's health (issue 12, item 8); the order still shows who comes first.
     */
    public QueueView withoutCategories() {
        return new QueueView(serviceCode, waitingCount, openCounters, estimatedWaitMinutes, waiting.stream()
                .map(w -> new Waiting(w.position, w.id, w.number, null, null, w.issuedAt, w.reservationUnknown)).toList(),
                atCounters);
    }

    /** {@code reservationUnknown} is present (true) only on an offline kiosk token merged without its reservation on record. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Waiting(int position, long id, String number, String priority, Boolean priorityLane,
            Instant issuedAt, Boolean reservationUnknown) {
    }

    public record AtCounter(long id, String number, String status, long counterId, String counterName,
            Instant calledAt) {
    }
}
