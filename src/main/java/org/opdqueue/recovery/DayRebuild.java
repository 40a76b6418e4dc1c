package org.opdqueue.recovery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.opdqueue.counter.CounterState;
import org.opdqueue.journal.JournalEventType;
import org.opdqueue.token.Channel;
import org.opdqueue.token.TokenStatus;

/**
 * Rebuilds the queues from the journal alone: no database, no clock. An ISSUED entry makes a token with everything it
 * was made with; every later entry about it carries the state the token is in after that change, so the token is as
 * its last entry says. The rules of the transitions are not applied again here: they live on the token, and a second
 * copy of them would drift from the first.
 */
public final class DayRebuild {

    private DayRebuild() {
    }

    public static RebuiltDay rebuild(List<JournalRecord> entries) {
        List<JournalRecord> inOrder = new ArrayList<>(entries);
        inOrder.sort(Comparator.comparingLong(JournalRecord::seq));
        Map<Long, Building> tokens = new TreeMap<>();
        Map<NumberKey, Integer> highest = new TreeMap<>();
        Map<String, CounterState> counters = new TreeMap<>();
        Set<Long> unknown = new LinkedHashSet<>();
        long lastSeq = 0;
        for (JournalRecord e : inOrder) {
            lastSeq = e.seq();
            if (e.type() == JournalEventType.COUNTER_STATE_CHANGED && e.counterCode() != null
                    && e.counterStateAfter() != null) {
                counters.put(e.counterCode(), CounterState.valueOf(e.counterStateAfter()));
            }
            if (!e.carriesTokenState()) {
                continue;
            }
            Building token = tokens.get(e.tokenId());
            if (token == null && e.type() == JournalEventType.ISSUED && e.tokenNumber() != null) {
                token = new Building(e);
                tokens.put(e.tokenId(), token);
                highest.merge(new NumberKey(e.serviceCode(), e.numberSeries(), e.tokenDay()), e.tokenNumber(), Math::max);
            }
            if (token == null) {
                unknown.add(e.tokenId());
            } else {
                token.apply(e);
            }
        }
        unknown.removeAll(tokens.keySet());
        List<RebuiltDay.HighestNumber> numbers = new ArrayList<>();
        highest.forEach((k, n) -> numbers.add(new RebuiltDay.HighestNumber(k.serviceCode(), k.series(), k.day(), n)));
        return new RebuiltDay(tokens.values().stream().map(Building::built).toList(), List.copyOf(numbers),
                new LinkedHashMap<>(counters), lastSeq, List.copyOf(unknown));
    }

    private record NumberKey(String serviceCode, String series, LocalDate day) implements Comparable<NumberKey> {
        private static final Comparator<NumberKey> ORDER = Comparator.comparing(NumberKey::serviceCode)
                .thenComparing(NumberKey::series).thenComparing(NumberKey::day);

        @Override
        public int compareTo(NumberKey other) {
            return ORDER.compare(this, other);
        }
    }

    /** A token being rebuilt: what its ISSUED entry made, and the state its latest entry left. */
    private static final class Building {
        private final JournalRecord issue;
        private TokenStatus status;
        private String serviceCode;
        private String counterCode;
        private Instant queuedAt;
        private Instant calledAt;
        private Instant startedAt;
        private Instant completedAt;
        private int callCount;

        Building(JournalRecord issue) {
            this.issue = issue;
        }

        void apply(JournalRecord e) {
            status = TokenStatus.valueOf(e.tokenStatus());
            serviceCode = e.serviceCode();
            counterCode = e.tokenCounterCode();
            queuedAt = e.queuedAt();
            calledAt = e.calledAt();
            startedAt = e.startedAt();
            completedAt = e.completedAt();
            callCount = e.callCount() == null ? 0 : e.callCount();
        }

        RebuiltDay.RebuiltToken built() {
            JournalRecord i = issue;
            return new RebuiltDay.RebuiltToken(i.tokenId(), i.publicCode(), i.tokenDay(), i.serviceCode(),
                    i.numberSeries(), i.tokenNumber(), i.displayNumber(), serviceCode, i.priority(),
                    Boolean.TRUE.equals(i.priorityLane()), Channel.valueOf(i.channel()), status, i.issuedAt(), queuedAt,
                    calledAt, startedAt, completedAt, counterCode, callCount, i.patient(), i.requestId(), i.degraded(),
                    i.deviceId(), i.deviceTime(), i.receivedAt(), Boolean.TRUE.equals(i.reservationUnknown()),
                    i.offlineNumber(), i.paperBookId(), i.estimatedWaitAtIssue());
        }
    }
}
