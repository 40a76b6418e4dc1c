package org.opdqueue.display;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.common.ProblemException;
import org.opdqueue.counter.Counter;
import org.opdqueue.journal.Journal;
import org.opdqueue.journal.JournalEntry;
import org.opdqueue.journal.JournalEventType;
import org.opdqueue.queue.KeptServices;
import org.opdqueue.queue.QueueReads;
import org.opdqueue.queue.WaitEstimates;
import org.opdqueue.reads.CommittedReadings;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.status.SystemMode;
import org.opdqueue.token.Token;

/** Reads a board's whole picture from the database. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class DisplaySnapshots {

    static final int RECENT_CALLS = 10;

    private final Facility facility;
    private final HospitalClock clock;
    private final Journal journal;
    private final WaitEstimates estimates;
    private final SystemMode mode;
    private final QueueReads reads;
    private final CommittedReadings readings;
    private final KeptServices keptServices;
    private final NameCache<String> serviceCodes = new NameCache<>(this::loadServiceCodes);
    private final NameCache<DisplayMessage.CounterName> counterNames = new NameCache<>(this::loadCounterNames);

    public DisplaySnapshots(Facility facility, HospitalClock clock, Journal journal, WaitEstimates estimates,
            SystemMode mode, QueueReads reads, CommittedReadings readings, KeptServices keptServices) {
        this.readings = readings;
        this.keptServices = keptServices;
        this.facility = facility;
        this.clock = clock;
        this.journal = journal;
        this.estimates = estimates;
        this.mode = mode;
        this.reads = reads;
    }

    public BoardScope scope(long boardId) {
        Board board = Board.findInFacility(facility.code(), boardId)
                .orElseThrow(() -> ProblemException.notFound("Board", boardId));
        return new BoardScope(board.id, Set.copyOf(board.serviceIds()), Set.copyOf(board.counterIds()));
    }

    /**
     * How far below a snapshot's seq its read looks for seqs not yet committed: more than the transactions open at
     * once can hold (an issue batch journals a few dozen tokens).
     */
    static final int OPEN_WINDOW = 200;

    public DisplayMessage.Snapshot snapshot(long boardId) {
        // The seq is read first: an event committed while the rest is read is sent again rather than lost.
        long seq = journal.lastSeq();
        Board board = Board.findInFacility(facility.code(), boardId)
                .orElseThrow(() -> ProblemException.notFound("Board", boardId));
        List<Long> serviceIds = board.serviceIds();
        List<Long> counterIds = board.counterIds();
        SystemMode.State state = mode.current();
        return new DisplayMessage.Snapshot("snapshot", seq, journal.openBelow(seq, OPEN_WINDOW),
                new DisplayMessage.Hospital(facility.code(), facility.name()),
                new DisplayMessage.BoardInfo(board.id, board.code, board.name, board.nameHi, board.ticker),
                state.mode().name(), state.since(), clock.now(), tiles(counterIds), recentCalls(serviceIds, counterIds),
                counts(serviceIds, true));
    }

    /** Waiting count and estimated wait of each service, in service-code order (in the caller's transaction, if any). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DisplayMessage.ServiceCount> counts(Collection<Long> serviceIds, boolean withNames) {
        if (serviceIds.isEmpty()) {
            return List.of();
        }
        Map<Long, Long> waiting = reads.waitingCounts(serviceIds);
        // kept between set-up changes (the feed asks at every event), in code order
        List<ServicePoint> services = serviceIds.stream().distinct().map(keptServices::byId).filter(Objects::nonNull)
                .sorted(Comparator.comparing((ServicePoint s) -> s.code)).toList();
        return services.stream().map(s -> {
            long w = waiting.getOrDefault(s.id, 0L);
            return new DisplayMessage.ServiceCount(s.code, withNames ? new DisplayMessage.Name(s.nameEn, s.nameHi) : null,
                    withNames ? s.tokenPrefix : null, w, estimates.waitForNewcomer(s, w));
        }).toList();
    }

    private List<DisplayMessage.CounterTile> tiles(List<Long> counterIds) {
        if (counterIds.isEmpty()) {
            return List.of();
        }
        Map<Long, Token> held = reads.heldTodayBy(counterIds);
        Map<Long, String> codes = serviceCodes();
        List<DisplayMessage.CounterTile> tiles = new ArrayList<>();
        for (Counter c : Counter.<Counter>list("id in ?1 order by id", counterIds)) {
            Token t = held.get(c.id);
            DisplayMessage.CounterName name = DisplayMessage.CounterName.of(c.name, c.nameHi);
            // kept for a call relayed while the database is away, which can only say the names already known
            counterNames.put(c.id, name);
            tiles.add(new DisplayMessage.CounterTile(c.id, name.name(), name.nameHi(), c.state.name(),
                    t == null ? null : codes.get(t.serviceId), t == null ? null : t.displayNumber,
                    t == null ? null : t.status.name(), t == null ? null : t.calledAt));
        }
        return tiles;
    }

    private List<DisplayMessage.RecentCall> recentCalls(List<Long> serviceIds, List<Long> counterIds) {
        List<JournalEntry> calls = JournalEntry.<JournalEntry>find("""
                facility = ?1 and businessDay = ?2 and type in ?3 and (serviceId in ?4 or counterId in ?5)
                order by seq desc""", facility.code(), clock.businessDay(),
                List.of(JournalEventType.CALLED, JournalEventType.RECALLED),
                serviceIds.isEmpty() ? List.of(-1L) : serviceIds, counterIds.isEmpty() ? List.of(-1L) : counterIds)
                .page(0, RECENT_CALLS * 3).list();
        Map<Long, String> codes = serviceCodes();
        Map<Long, DisplayMessage.CounterName> counterNames = counterNames();
        Set<String> seen = new LinkedHashSet<>();
        List<DisplayMessage.RecentCall> recent = new ArrayList<>();
        for (JournalEntry e : calls) {
            if (recent.size() < RECENT_CALLS && seen.add(e.displayNumber)) {
                DisplayMessage.CounterName at = counterNames.get(e.counterId);
                recent.add(new DisplayMessage.RecentCall(e.seq, e.displayNumber, e.counterId,
                        at == null ? null : at.name(), at == null ? null : at.nameHi(), codes.get(e.serviceId),
                        e.occurredAt));
            }
        }
        return recent;
    }

    /** Service codes by id, read again only when an unknown id turns up or {@link #forgetNames()} was called. */
    public Map<Long, String> serviceCodes() {
        return serviceCodes;
    }

    Map<Long, DisplayMessage.CounterName> counterNames() {
        return counterNames;
    }

    /** The counter's names if already known, without asking the database (which may be away). */
    public DisplayMessage.CounterName counterNameIfKnown(long counterId) {
        return counterNames.peek(counterId);
    }

    public String serviceCodeIfKnown(long serviceId) {
        return serviceCodes.peek(serviceId);
    }

    /** Called after services, counters or boards were added or changed: their names, and every kept reading. */
    public void forgetNames() {
        serviceCodes.clear();
        counterNames.clear();
        readings.forget();
    }

    private Map<Long, String> loadServiceCodes() {
        Map<Long, String> codes = new HashMap<>();
        ServicePoint.<ServicePoint>list("facility", facility.code()).forEach(s -> codes.put(s.id, s.code));
        return codes;
    }

    private Map<Long, DisplayMessage.CounterName> loadCounterNames() {
        Map<Long, DisplayMessage.CounterName> names = new HashMap<>();
        Counter.listFor(facility.code()).forEach(c -> names.put(c.id, DisplayMessage.CounterName.of(c.name, c.nameHi)));
        return names;
    }

    /** A map that reloads itself from the database the first time an id is missing. */
    private static final class NameCache<V> extends java.util.concurrent.ConcurrentHashMap<Long, V> {
        private final java.util.function.Supplier<Map<Long, V>> load;

        NameCache(java.util.function.Supplier<Map<Long, V>> load) {
            this.load = load;
        }

        V peek(Long id) {
            return super.get(id);
        }

        @Override
        public V get(Object id) {
            if (id == null) {
                return null;
            }
            V name = super.get(id);
            if (name == null) {
                putAll(load.get());
                name = super.get(id);
            }
            return name;
        }
    }
}
