package org.opdqueue.display;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;

import org.opdqueue.journal.JournalEntry;
import org.opdqueue.journal.JournalEventType;
import org.opdqueue.status.Mode;

/** Turns committed journal entries into board events, reading each affected service's count once per batch. */
@ApplicationScoped
public class DisplayEvents {

    private final DisplaySnapshots snapshots;

    public DisplayEvents(DisplaySnapshots snapshots) {
        this.snapshots = snapshots;
    }

    /**
     * Reads only, each statement on its own in autocommit when the caller has no transaction (the feed): a transaction
     * around them would cost three more statements a batch (autocommit off, commit, autocommit on) for counts that
     * need no snapshot of their own.
     */
    @ActivateRequestContext
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DisplayMessage.Event> translate(List<JournalEntry> entries) {
        Set<Long> affected = new LinkedHashSet<>();
        for (JournalEntry e : entries) {
            if (e.serviceId != null) {
                affected.add(e.serviceId);
            }
            if (e.fromServiceId != null) {
                affected.add(e.fromServiceId);
            }
        }
        Map<Long, String> codes = snapshots.serviceCodes();
        Map<Long, DisplayMessage.CounterName> counters = snapshots.counterNames();
        Map<String, DisplayMessage.ServiceCount> counts = new HashMap<>();
        snapshots.counts(affected, false).forEach(c -> counts.put(c.code(), c));

        List<DisplayMessage.Event> events = new ArrayList<>(entries.size());
        for (JournalEntry e : entries) {
            events.add(translate(e, codes, counters, counts));
        }
        return events;
    }

    /**
     * The same events from what is already known in memory, for when the database went away between a commit and
     * its delivery: no waiting counts, names only if cached.
     */
    public List<DisplayMessage.Event> translateFromMemory(List<JournalEntry> entries) {
        Map<Long, String> codes = new HashMap<>();
        Map<Long, DisplayMessage.CounterName> counters = new HashMap<>();
        for (JournalEntry e : entries) {
            if (e.serviceId != null) {
                codes.put(e.serviceId, snapshots.serviceCodeIfKnown(e.serviceId));
            }
            if (e.counterId != null) {
                counters.put(e.counterId, snapshots.counterNameIfKnown(e.counterId));
            }
        }
        // not Map.of(): an entry about no service (a counter, the mode) looks up a null code, which Map.of() refuses
        Map<String, DisplayMessage.ServiceCount> noCounts = new HashMap<>();
        return entries.stream().map(e -> translate(e, codes, counters, noCounts)).toList();
    }

    /**
     * Outage entries are written once the outage is over (a database that is back, a server that runs again), so
     * whatever their text tells of it, a board that replays one is in NORMAL mode afterwards, never in paper mode.
     */
    private static String modeAfter(JournalEntry e) {
        return e.outageReplay ? Mode.NORMAL.name() : e.detail;
    }

    private static DisplayMessage.Event translate(JournalEntry e, Map<Long, String> codes,
            Map<Long, DisplayMessage.CounterName> counters, Map<String, DisplayMessage.ServiceCount> counts) {
        String service = codes.get(e.serviceId);
        DisplayMessage.CounterName counterName = counters.get(e.counterId);
        DisplayMessage.Event.About token = new DisplayMessage.Event.About(e.seq, e.displayNumber, e.counterId,
                counterName, service, e.occurredAt);
        DisplayMessage.Event.Counts changed = changedCounts(e, service, codes, counts);
        return switch (e.type) {
            case CALLED, RECALLED -> DisplayMessage.Event.called(token, e.type == JournalEventType.RECALLED, changed);
            // an undone complete or no-show: the number is back on its counter's tile, without a second announcement
            case STARTED, UNDONE -> DisplayMessage.Event.started(token, changed);
            case COMPLETED, NO_SHOW, CANCELLED, TRANSFERRED -> e.counterId != null
                    ? DisplayMessage.Event.cleared(token, e.type.name(), changed)
                    : DisplayMessage.Event.waiting(token, changed);
            case ISSUED, REQUEUED -> DisplayMessage.Event.waiting(token, changed);
            case COUNTER_STATE_CHANGED -> DisplayMessage.Event.counter(e.seq, e.counterId, counterName,
                    e.counterStateAfter, e.occurredAt);
            case MODE_CHANGED -> DisplayMessage.Event.mode(e.seq, modeAfter(e), e.occurredAt);
            default -> DisplayMessage.Event.none(e.seq, "setup", e.occurredAt); // no board's scope concerns it
        };
    }

    private static DisplayMessage.Event.Counts changedCounts(JournalEntry e, String service, Map<Long, String> codes,
            Map<String, DisplayMessage.ServiceCount> counts) {
        DisplayMessage.ServiceCount own = counts.get(service);
        List<DisplayMessage.ServiceCount> changed = new ArrayList<>(2);
        if (own != null) {
            changed.add(own);
        }
        if (e.fromServiceId != null && counts.containsKey(codes.get(e.fromServiceId))) {
            changed.add(counts.get(codes.get(e.fromServiceId)));
        }
        return new DisplayMessage.Event.Counts(own == null ? null : own.waiting(),
                own == null ? null : own.estimatedWaitMinutes(), changed.isEmpty() ? null : changed);
    }
}
