package org.opdqueue.status;

import java.sql.Connection;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;

import org.opdqueue.common.DatabaseHealth;
import org.opdqueue.common.DatabaseUnreachable;
import org.opdqueue.common.HospitalClock;

/**
 * NORMAL while the database answers, DEGRADED (paper-token mode) while it does not. A failed request switches
 * to DEGRADED at once; a probe every second, on a connection of its own ({@link ProbeConnection}), notices a
 * database that stopped answering and when it is back. A pool busy with requests is not an outage.
 */
@ApplicationScoped
public class SystemMode implements DatabaseHealth {

    private static final Logger LOG = Logger.getLogger(SystemMode.class);

    /** The mode, since when, and (when DEGRADED) what was last seen going wrong. */
    public record State(Mode mode, Instant since, boolean databaseReachable, String cause) {
    }

    private final ProbeConnection probe;
    private final DataSource pool;
    private final HospitalClock clock;
    private final AtomicReference<State> state;
    private final Event<State> changed;

    public SystemMode(ProbeConnection probe, DataSource pool, HospitalClock clock, Event<State> changed,
            MeterRegistry metrics) {
        this.probe = probe;
        this.pool = pool;
        this.clock = clock;
        this.changed = changed;
        this.state = new AtomicReference<>(new State(Mode.NORMAL, clock.now(), true, null));
        Gauge.builder("opd.mode.degraded", () -> degraded() ? 1 : 0)
                .description("1 while the system is in paper-token (DEGRADED) mode").register(metrics);
    }

    public State current() {
        return state.get();
    }

    public boolean degraded() {
        return state.get().mode() == Mode.DEGRADED;
    }

    @Override
    public boolean reachable() {
        return !degraded();
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void probe() {
        String failure = probe.failure();
        if (failure == null && degraded()) {
            // Back only once the pool works too: its connections may still be the dead server's, and the recovery
            // (relayed calls into the journal) and the first requests would fail on them and flip the mode again.
            // While DEGRADED the pool is idle (requests are refused at the door), so it cannot be merely busy.
            failure = poolFailure();
        }
        observe(failure == null, failure);
    }

    void requestFailed(@Observes DatabaseUnreachable failure) {
        observe(false, failure.cause());
    }

    private void observe(boolean reachable, String cause) {
        Mode mode = reachable ? Mode.NORMAL : Mode.DEGRADED;
        State before = state.get();
        State after = new State(mode, clock.now(), reachable, reachable ? null : cause);
        if (before.mode() != mode && state.compareAndSet(before, after)) {
            LOG.warnf("System mode %s -> %s%s", before.mode(), mode, reachable ? "" : " (" + cause + ")");
            changed.fire(after);
        }
    }

    /** Null when a pooled connection answers, else what went wrong. */
    private String poolFailure() {
        try (Connection c = pool.getConnection()) {
            return c.isValid(1) ? null : "a pooled connection did not answer a validation query within 1 s";
        } catch (Exception e) {
            return String.valueOf(e.getMessage());
        }
    }
}
