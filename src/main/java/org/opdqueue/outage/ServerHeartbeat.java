package org.opdqueue.outage;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

import org.opdqueue.common.Facility;
import org.opdqueue.common.Failures;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.common.OpdConfig;
import org.opdqueue.journal.Journal;
import org.opdqueue.journal.JournalEntryBuilder;
import org.opdqueue.journal.JournalEventType;
import org.opdqueue.status.SystemMode;

/**
 * The server's own outages, which it cannot see while they happen. It writes every few seconds that it is alive;
 * at start, the time since its node's last beat is how long it was not running, and a beat that comes long after
 * the one before says it was frozen. Each becomes a SERVER outage, in which tokens issued meanwhile (offline kiosks,
 * paper) count by their issue time as in a database outage.
 */
@ApplicationScoped
public class ServerHeartbeat {

    static final String STOPPED = "server stopped";
    static final String NOT_RUNNING = "server not running (it crashed or the machine stopped)";
    static final String FROZEN = "server did not answer (frozen)";

    private static final Logger LOG = Logger.getLogger(ServerHeartbeat.class);

    /** A time the server was away, kept until the database has taken it. */
    private record Gap(Instant from, Instant to, String cause) {
    }

    private final Facility facility;
    private final HospitalClock clock;
    private final SystemMode mode;
    private final Journal journal;
    private final String node;
    private final boolean enabled;
    private final Duration outageAfter;
    private final ArrayDeque<Gap> frozen = new ArrayDeque<>();
    /** When this run first tried to beat, i.e. was ready; the end of the time it was not running. */
    private Instant readyAt;
    /** The previous run's last beat has been read (not at once if the database was away at start). */
    private boolean previousRunChecked;
    /** When the previous attempt to beat ended, written or not, so a beat skipped for the database is no freeze. */
    private Instant lastAttempt;

    public ServerHeartbeat(Facility facility, HospitalClock clock, SystemMode mode, Journal journal, OpdConfig config) {
        this.facility = facility;
        this.clock = clock;
        this.mode = mode;
        this.journal = journal;
        this.node = truncate(config.node().name().filter(n -> !n.isBlank()).orElseGet(ServerHeartbeat::hostName));
        this.enabled = config.node().heartbeat().enabled();
        this.outageAfter = config.node().heartbeat().outageAfter();
    }

    /** The scheduler may beat first; whichever comes first reads the previous run's last beat before writing. */
    void onStart(@Observes StartupEvent start) {
        if (enabled) {
            beat();
        }
    }

    @Scheduled(every = "${opd.node.heartbeat.every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        if (enabled) {
            beat();
        }
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (enabled) {
            stopping();
        }
    }

    /** As a new run of the server: records the time since this node's last beat if it was long, and beats. */
    public synchronized void started() {
        readyAt = null;
        previousRunChecked = false;
        lastAttempt = null;
        frozen.clear();
        attempt(false);
    }

    /** Notices a freeze (this beat far after the one before), records what is pending, and says it is alive. */
    public synchronized void beat() {
        Instant now = clock.now();
        if (lastAttempt != null && Duration.between(lastAttempt, now).compareTo(outageAfter) > 0) {
            frozen.add(new Gap(lastAttempt, now, FROZEN));
        }
        attempt(false);
    }

    /**
     * A clean stop leaves a last beat that says so, and the next start records "server stopped". The database must
     * still answer: the demo's embedded one is stopped by its own shutdown hook at the same time, and usually first.
     */
    public synchronized void stopping() {
        attempt(true);
    }

    String node() {
        return node;
    }

    /** While the database is away, the mode says so and records that outage; the heartbeat just waits. */
    private synchronized void attempt(boolean stopping) {
        if (readyAt == null) {
            readyAt = clock.now();
        }
        try {
            if (!mode.degraded()) {
                recordPending();
                Instant now = clock.now();
                QuarkusTransaction.requiringNew().run(() -> NodeHeartbeat.beat(facility.code(), node, now, stopping));
            }
        } catch (RuntimeException e) {
            LOG.debugf("Heartbeat of %s skipped: %s", node, e.getMessage());
        } finally {
            lastAttempt = clock.now();
        }
    }

    private void recordPending() {
        if (!previousRunChecked) {
            NodeHeartbeat last = QuarkusTransaction.requiringNew()
                    .call(() -> NodeHeartbeat.of(facility.code(), node).orElse(null));
            if (last != null && Duration.between(last.beatAt, readyAt).compareTo(outageAfter) > 0) {
                record(new Gap(last.beatAt, readyAt, last.stopped ? STOPPED : NOT_RUNNING));
            }
            previousRunChecked = true;
        }
        for (Gap gap; (gap = frozen.peek()) != null; frozen.poll()) {
            record(gap);
        }
    }

    /** Once per gap however often it is tried (a restart loop, two nodes): the unique start decides. */
    private void record(Gap gap) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Outage outage = new Outage();
                outage.facility = facility.code();
                outage.kind = OutageKind.SERVER;
                outage.startedAt = gap.from();
                outage.endedAt = gap.to();
                outage.cause = gap.cause();
                outage.nodes = node;
                outage.persist();
                journal.append(JournalEventType.MODE_CHANGED, JournalEntryBuilder.system()
                        .detail(gap.cause() + " from " + gap.from() + " to " + gap.to()).replayedFromOutage());
            });
            LOG.warnf("Recorded an outage of the server (%s): %s to %s", gap.cause(), gap.from(), gap.to());
        } catch (RuntimeException e) {
            if (!Failures.isDuplicateKey(e)) {
                throw e;
            }
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            String fromEnvironment = System.getenv("HOSTNAME");
            return fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment : "server";
        }
    }

    private static String truncate(String name) {
        return name.length() <= 64 ? name : name.substring(0, 64);
    }
}
