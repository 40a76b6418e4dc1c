package org.opdqueue.outage;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import org.opdqueue.common.Facility;
import org.opdqueue.journal.Journal;
import org.opdqueue.journal.JournalEntryBuilder;
import org.opdqueue.journal.JournalEventType;
import org.opdqueue.nodes.FanOut;
import org.opdqueue.queue.Calling;
import org.opdqueue.status.Mode;
import org.opdqueue.status.SystemMode;

/**
 * When the database is back: records the outage, both mode changes and the calls relayed meanwhile. With several
 * nodes, one outage is one record for the hospital: a node back after another merges what it saw into the record the
 * other wrote (the nodes take turns on the hospital's {@code outage_writer} row), and writes only the relayed calls
 * no other node has written.
 */
@ApplicationScoped
public class OutageRecovery {

    /** Two nodes see one outage start and end up to a probe (1 s) apart, more on a busy machine. */
    static final Duration SAME_OUTAGE_WITHIN = Duration.ofSeconds(5);

    private static final Logger LOG = Logger.getLogger(OutageRecovery.class);

    private final Facility facility;
    private final Journal journal;
    private final Calling calling;
    private final CallRelay relay;
    private final SystemMode mode;
    private final EntityManager em;
    private final String node;
    private volatile SystemMode.State degraded;

    @Inject
    public OutageRecovery(Facility facility, Journal journal, Calling calling, CallRelay relay, SystemMode mode,
            EntityManager em, ServerHeartbeat heartbeat) {
        this(facility, journal, calling, relay, mode, em, heartbeat.node());
    }

    /** {@code node}: this node's name, as its heartbeat row names it. */
    OutageRecovery(Facility facility, Journal journal, Calling calling, CallRelay relay, SystemMode mode,
            EntityManager em, String node) {
        this.facility = facility;
        this.journal = journal;
        this.calling = calling;
        this.relay = relay;
        this.mode = mode;
        this.em = em;
        this.node = node;
    }

    void modeChanged(@Observes SystemMode.State state) {
        if (state.mode() == Mode.DEGRADED) {
            if (degraded == null) {
                degraded = state;
            }
            return;
        }
        record(state);
    }

    /**
     * A call another node took while the database is away from it: kept here, and written at once if this node
     * reaches the database. Not on the fan-out's thread: a database that froze must not hold up the boards.
     */
    void heardFromAnotherNode(@Observes FanOut.RelayedCall call) {
        relay.heard(call);
        if (degraded == null && !mode.degraded()) {
            CompletableFuture.runAsync(this::writeHeardCalls);
        }
    }

    /** A record or a write that failed (the database went again, a lock wait) is tried again while it answers. */
    @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tryAgain() {
        if (mode.degraded()) {
            return;
        }
        if (degraded != null) {
            record(mode.current());
        } else if (relay.waiting() > 0) {
            writeHeardCalls();
        }
    }

    private synchronized void record(SystemMode.State back) {
        SystemMode.State outage = degraded;
        if (outage == null) {
            return;
        }
        List<CallRelay.RelayedCall> calls = relay.drain();
        try {
            int written = QuarkusTransaction.requiringNew().call(() -> {
                takeTurn();
                // another node's record of the same outage; one this node wrote itself is an earlier outage (the
                // database back and lost again within seconds), not this one
                Outage record = Outage.<Outage>find("""
                        facility = ?1 and kind = ?2 and startedAt <= ?3 and endedAt >= ?4 order by startedAt""",
                        facility.code(), OutageKind.DATABASE, back.since().plus(SAME_OUTAGE_WITHIN),
                        outage.since().minus(SAME_OUTAGE_WITHIN)).<Outage>list().stream()
                        .filter(seen -> !seen.nodeNames().contains(node)).findFirst().orElse(null);
                int n;
                if (record == null) {
                    record = newRecord(outage, back);
                    journal.append(JournalEventType.MODE_CHANGED, JournalEntryBuilder.system()
                            .degraded(null, outage.since()).detail("DEGRADED since " + outage.since()).replayedFromOutage());
                    n = write(calls);
                    journal.append(JournalEventType.MODE_CHANGED, JournalEntryBuilder.system()
                            .detail("NORMAL, outage of " + outage.since() + " to " + back.since()).replayedFromOutage());
                } else {
                    // another node saw it too and recorded it first: one outage, seen by both
                    mergeInto(record, outage, back);
                    n = write(calls);
                }
                em.flush();
                recount(record.startedAt, record.endedAt);
                return n;
            });
            relay.written(calls);
            degraded = null;
            LOG.infof("Outage %s to %s recorded, seen by %s; %d relayed calls written (%d already by another node)",
                    outage.since(), back.since(), node, written, calls.size() - written);
        } catch (RuntimeException e) {
            relay.giveBack(calls);
            LOG.warn("Could not record the outage yet; will try again while the database answers", e);
        }
    }

    /** Calls taken by another node while only that node lost the database: written now, in case it dies. */
    private synchronized void writeHeardCalls() {
        if (degraded != null || mode.degraded()) {
            return; // this node's own recovery writes them
        }
        List<CallRelay.RelayedCall> calls = relay.drain();
        if (calls.isEmpty()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                takeTurn();
                write(calls);
                em.flush();
                recount(calls.get(0).at(), calls.get(calls.size() - 1).at());
            });
            relay.written(calls);
        } catch (RuntimeException e) {
            relay.giveBack(calls);
            LOG.debugf("Calls relayed by another node not written yet (%s); trying again in a few seconds", e.getMessage());
        }
    }

    /** The hospital's row, locked until commit: nodes record outages and write relayed calls one at a time. */
    private void takeTurn() {
        em.createNativeQuery("INSERT INTO outage_writer (facility) VALUES (?1) ON DUPLICATE KEY UPDATE facility = facility")
                .setParameter(1, facility.code()).executeUpdate();
    }

    /** Each call at most once, whichever node writes it: the call's id decides. Returns how many this node wrote. */
    private int write(List<CallRelay.RelayedCall> calls) {
        int written = 0;
        for (CallRelay.RelayedCall call : calls) {
            int inserted = em.createNativeQuery("""
                    INSERT IGNORE INTO relayed_call (facility, call_id, counter_id, number, called_at, written_by)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6)""").setParameter(1, facility.code()).setParameter(2, call.id())
                    .setParameter(3, call.counterId()).setParameter(4, call.number()).setParameter(5, call.at())
                    .setParameter(6, node).executeUpdate();
            if (inserted == 1) {
                calling.recordRelayedCall(call.counterId(), call.number(), call.at(), call.actor());
                written++;
            }
        }
        return written;
    }

    /** The outages around these times count the relayed calls written in them, by whichever node. */
    private void recount(Instant from, Instant to) {
        em.createNativeQuery("""
                UPDATE outage o SET relayed_calls = (SELECT COUNT(*) FROM relayed_call r
                    WHERE r.facility = o.facility AND r.called_at >= o.started_at AND r.called_at <= o.ended_at)
                WHERE o.facility = ?1 AND o.kind = 'DATABASE' AND o.started_at <= ?2 AND o.ended_at >= ?3""")
                .setParameter(1, facility.code()).setParameter(2, to).setParameter(3, from).executeUpdate();
    }

    private Outage newRecord(SystemMode.State outage, SystemMode.State back) {
        Outage record = new Outage();
        record.facility = facility.code();
        record.kind = OutageKind.DATABASE;
        record.startedAt = outage.since();
        record.endedAt = back.since();
        record.cause = outage.cause() == null ? null : truncate(outage.cause(), 500);
        record.nodes = node;
        record.persist();
        return record;
    }

    private void mergeInto(Outage record, SystemMode.State outage, SystemMode.State back) {
        if (outage.since().isBefore(record.startedAt)) {
            record.startedAt = outage.since();
        }
        if (back.since().isAfter(record.endedAt)) {
            record.endedAt = back.since();
        }
        if (record.cause == null && outage.cause() != null) {
            record.cause = truncate(outage.cause(), 500);
        }
        Set<String> nodes = new LinkedHashSet<>(record.nodeNames());
        nodes.add(node);
        record.nodes = truncate(String.join(", ", nodes), 500);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
