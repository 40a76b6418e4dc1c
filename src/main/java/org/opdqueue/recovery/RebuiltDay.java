package org.opdqueue.recovery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.opdqueue.counter.CounterState;
import org.opdqueue.token.Channel;
import org.opdqueue.token.TokenStatus;

/**
 * What the journal says the hospital's queues hold: every token as it is now, the highest number each service gave in
 * each series on each business day (so none is given again), and the state of each counter. Services and counters
 * are named by code, as the set-up file names them.
 *
 * @param tokens          by id, ascending
 * @param highestNumbers  per number service, series and business day
 * @param counterStates   by counter code: the state its last change left it in
 * @param lastSeq         the last journal entry read (0 for none)
 * @param unknownTokens   ids of tokens that entries change but whose issue the journal does not hold in full
 *                        (issued before the journal kept it, V23, or its ISSUED entry is missing): not rebuilt
 */
public record RebuiltDay(List<RebuiltToken> tokens, List<HighestNumber> highestNumbers,
        Map<String, CounterState> counterStates, long lastSeq, List<Long> unknownTokens) {

    /**
     * One token as the token table holds it, with codes in place of the service and counter ids.
     *
     * @param estimatedWaitAtIssue the wait told at issue in minutes, for the estimate-accuracy report (null when none
     *                             was told, or the ISSUED entry was written before V38 kept it)
     */
    public record RebuiltToken(
            long id,
            String publicCode,
            LocalDate businessDay,
            String numberServiceCode,
            String numberSeries,
            int number,
            String displayNumber,
            String serviceCode,
            String priority,
            boolean priorityLane,
            Channel channel,
            TokenStatus status,
            Instant issuedAt,
            Instant queuedAt,
            Instant calledAt,
            Instant startedAt,
            Instant completedAt,
            String counterCode,
            int callCount,
            String patient,
            String requestId,
            boolean degraded,
            String deviceId,
            Instant deviceTime,
            Instant receivedAt,
            boolean reservationUnknown,
            String offlineNumber,
            Long paperBookId,
            Integer estimatedWaitAtIssue) {
    }

    /** The highest number {@code serviceCode} gave in {@code series} ("" online, "P" paper, a kiosk's letter) on a day. */
    public record HighestNumber(String serviceCode, String series, LocalDate businessDay, int number) {
    }
}
