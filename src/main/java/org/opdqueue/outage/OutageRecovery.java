package org.opdqueue.outage;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.opdqueue.common.Facility;
import org.opdqueue.journal.Journal;
import org.opdqueue.journal.JournalEntryBuilder;
import org.opdqueue.journal.JournalEventType;
import org.opdqueue.queue.Calling;
import org.opdqueue.status.Mode;
import org.opdqueue.status.SystemMode;

/** When the database is back: records the outage, both mode changes and the calls relayed meanwhile. */
@ApplicationScoped
public class OutageRecovery {

    private static final Logger LOG = Logger.getLogger(OutageRecovery.class);

    private final Facility facility;
    private final Journal journal;
    private final Calling calling;
    private final CallRelay relay;
    private volatile SystemMode.State degraded;

    public OutageRecovery(Facility facility, Journal journal, Calling calling, CallRelay relay) {
        this.facility = facility;
        this.journal = journal;
        this.calling = calling;
        this.relay = relay;
    }

    void modeChanged(@Observes SystemMode.State state) {
        if (state.mode() == Mode.DEGRADED) {
            if (degraded == null) {
                degraded = state;
            }
            return;
        }
        SystemMode.State outage = degraded;
        if (outage == null) {
            return;
        }
        List<CallRelay.RelayedCall> calls = relay.drain();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Outage record = new Outage();
                record.facility = facility.code();
                record.kind = OutageKind.DATABASE;
                record.startedAt = outage.since();
                record.endedAt = state.since();
                record.cause = outage.cause() == null ? null : truncate(outage.cause(), 500);
                record.relayedCalls = calls.size();
                record.persist();
                journal.append(JournalEventType.MODE_CHANGED, JournalEntryBuilder.system()
                        .degraded(null, outage.since()).detail("DEGRADED since " + outage.since()).replayedFromOutage());
                for (CallRelay.RelayedCall call : calls) {
                    calling.recordRelayedCall(call.counterId(), call.number(), call.at(), call.actor());
                }
                journal.append(JournalEventType.MODE_CHANGED, JournalEntryBuilder.system()
                        .detail("NORMAL, outage of " + outage.since() + " to " + state.since()).replayedFromOutage());
            });
            relay.written(calls);
            degraded = null;
            LOG.infof("Outage %s to %s recorded with %d relayed calls", outage.since(), state.since(), calls.size());
        } catch (RuntimeException e) {
            relay.giveBack(calls);
            LOG.warn("Could not record the outage yet; will try again when the database is back", e);
        }
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
