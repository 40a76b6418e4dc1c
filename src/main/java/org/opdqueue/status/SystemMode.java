package org.opdqueue.status;

import java.sql.Connection;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

import org.opdqueue.common.HospitalClock;

/** NORMAL while the database answers, DEGRADED (paper-token mode) while it does not. Probed every 2 s. */
@ApplicationScoped
public class SystemMode {

    private static final Logger LOG = Logger.getLogger(SystemMode.class);

    public record State(Mode mode, Instant since, boolean databaseReachable) {
    }

    private final DataSource dataSource;
    private final HospitalClock clock;
    private final AtomicReference<State> state;
    private final Event<State> changed;

    public SystemMode(DataSource dataSource, HospitalClock clock, Event<State> changed) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.changed = changed;
        this.state = new AtomicReference<>(new State(Mode.NORMAL, clock.now(), true));
    }

    public State current() {
        return state.get();
    }

    @Scheduled(every = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void probe() {
        observe(databaseAnswers());
    }

    /** Records what a probe or a failed request learned about the database. */
    public void observe(boolean reachable) {
        Mode mode = reachable ? Mode.NORMAL : Mode.DEGRADED;
        State before = state.get();
        State after = new State(mode, clock.now(), reachable);
        if (before.mode() != mode && state.compareAndSet(before, after)) {
            LOG.warnf("System mode %s -> %s", before.mode(), mode);
            changed.fire(after);
        }
    }

    private boolean databaseAnswers() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(1);
        } catch (Exception e) {
            return false;
        }
    }
}
