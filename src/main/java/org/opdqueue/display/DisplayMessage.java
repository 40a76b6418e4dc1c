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

    /** A counter's name as the board shows and says it; nameHi is null when the admin left it blank. */
    public record CounterName(String name, String nameHi) {

        static CounterName of(String name, String nameHi) {
            return new CounterName(name, nameHi == null || nameHi.isBlank() ? null : nameHi.strip());
        }
    }

    /** A counter on the board and the token it holds, if any. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CounterTile(long id, String name, String nameHi, String state, String serviceCode, String number,
            String status, Instant calledAt) {
    }

    public record RecentCall(long seq, String number, long counterId, String counterName, String counterNameHi,
            String serviceCode, Instant at) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServiceCount(String code, Name name, String prefix, long waiting, long estimatedWaitMinutes) {
    }

    /**
     * The whole board; sent first on every connection and answered by {@code GET /api/display/{boardId}}. It shows
     * every event up to {@code seq} except those {@code pending}: seqs below it not committed when it was read (a
     * call committing late), which the board still applies when they come (left out of the JSON when none).
     */
    public record Snapshot(String type, long seq, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Long> pending,
            Hospital hospital, BoardInfo board, String mode, Instant modeSince, Instant serverTime,
            List<CounterTile> counters, List<RecentCall> recentCalls, List<ServiceCount> services) {

        /** The same picture, told at another time: a shared snapshot still syncs each board's clock to now. */
        public Snapshot toldAt(Instant now) {
            return new Snapshot(type, seq, pending, hospital, board, mode, modeSince, now, counters, recentCalls,
                    services);
        }
    }

    /**
     * One journal event as a board sees it. {@code type} is called, started, cleared, waiting, counter, mode or
     * ticker; fields that do not apply are left out. {@code counts} carries the waiting counts the event changed.
     * Made by the factories below, one per type, so each type sets only its own fields.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Event(String type, Long seq, String number, Long counterId, String counterName,
            String counterNameHi, String serviceCode, Boolean recall, String reason, String state, String mode,
            Instant since, String text, Instant at, Long waiting, Long estimatedWaitMinutes, List<ServiceCount> counts) {

        /** A token, where it is and when, as every token event tells it; counter is null when it is at none. */
        record About(Long seq, String number, Long counterId, CounterName counter, String serviceCode, Instant at) {
        }

        /** The waiting count and estimate of the token's own service, and each count the event changed. */
        record Counts(Long waiting, Long estimatedWaitMinutes, List<ServiceCount> changed) {

            static final Counts UNKNOWN = new Counts(null, null, null);
        }

        static Event called(About token, boolean recall, Counts counts) {
            return aboutToken("called", token, recall, null, counts);
        }

        static Event started(About token, Counts counts) {
            return aboutToken("started", token, null, null, counts);
        }

        /** The token left its counter: reason is what became of it (COMPLETED, NO_SHOW, CANCELLED, TRANSFERRED). */
        static Event cleared(About token, String reason, Counts counts) {
            return aboutToken("cleared", token, null, reason, counts);
        }

        static Event waiting(About token, Counts counts) {
            return aboutToken("waiting", token, null, null, counts);
        }

        /** A call made by number while the database is away: not in the journal yet, so without a seq. */
        static Event relayedCall(long counterId, CounterName counter, String number, Instant at) {
            return called(new About(null, number, counterId, counter, null, at), false, Counts.UNKNOWN);
        }

        static Event counter(Long seq, Long counterId, CounterName counter, String state, Instant at) {
            return new Event("counter", seq, null, counterId, counter == null ? null : counter.name(),
                    counter == null ? null : counter.nameHi(), null, null, null, state, null, null, null, at, null, null,
                    null);
        }

        /** The mode as the journal tells it, in effect from when it was written. */
        static Event mode(Long seq, String mode, Instant at) {
            return new Event("mode", seq, null, null, null, null, null, null, null, null, mode, at, null, at, null, null,
                    null);
        }

        /** The mode as it changes, live: not in the journal, so without a seq (it does not move a board's resume point). */
        static Event mode(String mode, Instant since) {
            return new Event("mode", null, null, null, null, null, null, null, null, null, mode, since, null, null, null,
                    null, null);
        }

        static Event ticker(String text) {
            return new Event("ticker", null, null, null, null, null, null, null, null, null, null, null, text, null, null,
                    null, null);
        }

        /** An entry no board shows (set-up, security): never sent, as no board's scope concerns it. */
        static Event none(Long seq, String type, Instant at) {
            return new Event(type, seq, null, null, null, null, null, null, null, null, null, null, null, at, null, null,
                    null);
        }

        private static Event aboutToken(String type, About t, Boolean recall, String reason, Counts c) {
            CounterName at = t.counter();
            return new Event(type, t.seq(), t.number(), t.counterId(), at == null ? null : at.name(),
                    at == null ? null : at.nameHi(), t.serviceCode(), recall, reason, null, null, null, null, t.at(),
                    c.waiting(), c.estimatedWaitMinutes(), c.changed());
        }
    }
}
