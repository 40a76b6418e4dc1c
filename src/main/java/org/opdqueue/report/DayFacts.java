package org.opdqueue.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.opdqueue.token.Channel;
import org.opdqueue.token.TokenStatus;

/**
 * What happened on one business day, as the measures need it: each token, each of its visits to a service, and each
 * counter's openings and closings. Read by {@link DayFactsReader}; measured by {@link DayMeasures}.
 */
public record DayFacts(LocalDate day, Instant start, Instant end, List<TokenFact> tokens, List<Visit> visits,
        List<CounterChange> counterChanges, Map<Long, String> counterStateAtStart, Map<Long, String> counterNames,
        Map<Long, ServiceName> services) {

    public record ServiceName(String code, String nameEn, String nameHi) {
    }

    /** A token as issued: its first service, category, channel, issue time and the wait it was told. */
    public record TokenFact(long id, long issueServiceId, long serviceId, String category, Channel channel,
            TokenStatus status, Instant issuedAt, Integer estimatedWaitAtIssue, String displayNumber) {
    }

    /** How a visit to a service ended, as far as the day went. */
    public enum End {
        COMPLETED,
        /** Sent on to another service (after being seen there, or not). */
        TRANSFERRED,
        /** Called, did not come, and was not seen in this service afterwards. */
        NO_SHOW,
        CANCELLED,
        /** Still waiting, called or being served when the day's figures were read. */
        OPEN
    }

    /**
     * A token's stay in one service's queue: from issue (or from its transfer in) to completion, transfer on, cancel
     * or the day's end. {@code firstCall} is the first call in this service (a no-show recalled later keeps it);
     * {@code started} is when service began (the call, if completed without a start); {@code finished} when it ended.
     */
    public record Visit(long tokenId, long serviceId, boolean first, Instant queuedFrom, Instant firstCall,
            Instant started, Instant finished, End end, Long counterId, String staff, int noShows) {

        public Long waitingSeconds() {
            return firstCall == null ? null : Math.max(0, Duration.between(queuedFrom, firstCall).toSeconds());
        }

        public Long serviceSeconds() {
            return started == null || finished == null ? null
                    : Math.max(0, Duration.between(started, finished).toSeconds());
        }

        /** Seen at a counter: completed here, or started and then sent on. */
        public boolean served() {
            return end == End.COMPLETED || (end == End.TRANSFERRED && started != null);
        }
    }

    /** A counter opened, paused or closed. */
    public record CounterChange(long counterId, Instant at, String before, String after) {
    }
}
