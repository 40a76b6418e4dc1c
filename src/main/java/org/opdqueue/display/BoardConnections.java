package org.opdqueue.display;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

import org.opdqueue.common.OpdConfig;

/**
 * Counts the board sockets per address and in total, so a flood is refused at the upgrade instead of taking the
 * feed down. A slot is taken when the upgrade is allowed and given back when the socket closes; one whose socket
 * never opened (the client went away during the handshake) is given back after a while. Refused and dropped
 * sockets are counted, not logged one by one: one WARN per interval says how many and from where.
 */
@ApplicationScoped
public class BoardConnections {

    private static final Logger LOG = Logger.getLogger(BoardConnections.class);

    /** How long a slot may wait for its socket to open. */
    static final long OPEN_WITHIN_NANOS = 30_000_000_000L;

    /** What asking for a slot gives: one, or why not. */
    sealed interface Taken permits Slot, Refusal {
    }

    /** Why a board socket was refused or ended. */
    enum Refusal implements Taken {
        FOREIGN_ORIGIN("from a foreign origin"),
        NO_VALID_KEY("without a valid board key"),
        ADDRESS_FULL("over the per-address cap"),
        SERVER_FULL("over the total cap"),
        DROPPED("dropped with an error");

        final String words;

        Refusal(String words) {
            this.words = words;
        }
    }

    /** One admitted socket's place in the counts. */
    static final class Slot implements Taken {
        final String address;
        final long takenAt = System.nanoTime();
        volatile boolean open;

        Slot(String address) {
            this.address = address;
        }
    }

    private final int maxTotal;
    private final int maxPerAddress;
    private final Map<String, Integer> perAddress = new HashMap<>();
    private final Set<Slot> slots = ConcurrentHashMap.newKeySet();
    private int total;

    private final Map<Refusal, Integer> refused = new EnumMap<>(Refusal.class);
    private final Map<String, Integer> refusedFrom = new HashMap<>();

    @Inject
    public BoardConnections(OpdConfig config) {
        this(config.display().maxConnections(), config.display().maxConnectionsPerAddress());
    }

    BoardConnections(int maxTotal, int maxPerAddress) {
        this.maxTotal = maxTotal;
        this.maxPerAddress = maxPerAddress;
    }

    /** A slot for a socket from this address, or why there is none. */
    synchronized Taken take(String address) {
        if (total >= maxTotal) {
            return Refusal.SERVER_FULL;
        }
        int fromHere = perAddress.getOrDefault(address, 0);
        if (fromHere >= maxPerAddress) {
            return Refusal.ADDRESS_FULL;
        }
        perAddress.put(address, fromHere + 1);
        total++;
        Slot slot = new Slot(address);
        slots.add(slot);
        return slot;
    }

    void opened(Slot slot) {
        if (slot != null) {
            slot.open = true;
        }
    }

    void closed(Slot slot) {
        if (slot != null) {
            give(slot);
        }
    }

    synchronized int open() {
        return total;
    }

    synchronized void refused(Refusal why, String address) {
        refused.merge(why, 1, Integer::sum);
        if (refusedFrom.size() < 10_000 || refusedFrom.containsKey(address)) {
            refusedFrom.merge(address, 1, Integer::sum);
        }
    }

    /** Slots whose socket never opened are given back; what was refused since last time is logged once. */
    @Scheduled(every = "${opd.display.refusals-logged-every:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        sweep(System.nanoTime());
    }

    void sweep(long now) {
        slots.stream().filter(s -> !s.open && now - s.takenAt > OPEN_WITHIN_NANOS).toList().forEach(this::give);
        String report;
        synchronized (this) {
            if (refused.isEmpty()) {
                return;
            }
            StringBuilder counts = new StringBuilder();
            refused.forEach((why, n) -> counts.append(counts.isEmpty() ? "" : ", ").append(n).append(' ').append(why.words));
            Map.Entry<String, Integer> top = refusedFrom.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
            report = String.format("Board sockets refused or dropped since the last report: %s; most from %s (%d); "
                    + "%d open now", counts, top.getKey(), top.getValue(), total);
            refused.clear();
            refusedFrom.clear();
        }
        LOG.warn(report);
    }

    private synchronized void give(Slot slot) {
        if (!slots.remove(slot)) {
            return;
        }
        total--;
        perAddress.computeIfPresent(slot.address, (a, n) -> n > 1 ? n - 1 : null);
    }
}
