package org.opdqueue.display;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What boards receive. Only token numbers, counters and counts: never a patient's name, phone, ABHA or UHID.
 */
public final class DisplayMessage {

    private DisplayMessage() {
    }

    public record Name(String en, String hi) {
    }

    public record Hospital(String code, String name) {
    }

    public record BoardInfo(long id, String code, String name, String nameHi, String ticker) {
    }

    /** A counter on the board and the token it holds, if any. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CounterTile(long id, String name, String state, String serviceCode, String number, String status,
            Instant calledAt) {
    }

    public record RecentCall(long seq, String number, long counterId, String counterName, String serviceCode,
            Instant at) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServiceCount(String code, Name name, String prefix, long waiting, long estimatedWaitMinutes) {
    }

    /** The whole board; sent first on every connection and answered by {@code GET /api/display/{boardId}}. */
    public record Snapshot(String type, long seq, Hospital hospital, BoardInfo board, String mode, Instant modeSince,
            Instant serverTime, List<CounterTile> counters, List<RecentCall> recentCalls, List<ServiceCount> services) {
    }

    /**
     * One journal event as a board sees it. {@code type} is called, started, cleared, waiting, counter, mode or
     * ticker; fields that do not apply are left out. {@code counts} carries the waiting counts the event changed.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Event(String type, Long seq, String number, Long counterId, String counterName, String serviceCode,
            Boolean recall, String reason, String state, String mode, Instant since, String text, Instant at,
            Long waiting, Long estimatedWaitMinutes, List<ServiceCount> counts) {

        static Event mode(String mode, Instant since) {
            return new Event("mode", null, null, null, null, null, null, null, null, mode, since, null, null, null,
                    null, null);
        }

        static Event ticker(String text) {
            return new Event("ticker", null, null, null, null, null, null, null, null, null, null, text, null, null,
                    null, null);
        }
    }
}
