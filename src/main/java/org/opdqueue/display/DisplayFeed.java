package org.opdqueue.display;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;

import org.opdqueue.common.DatabaseUnreachable;
import org.opdqueue.common.Failures;
import org.opdqueue.common.ProblemException;
import org.opdqueue.common.ProblemType;
import org.opdqueue.journal.Journal;
import org.opdqueue.journal.JournalEntry;
import org.opdqueue.status.Mode;
import org.opdqueue.status.SystemMode;

/**
 * Pushes committed journal events to the boards that show them. One thread does all of it, in the order the
 * commits were announced, so a board that joins gets its snapshot and then exactly the events after it. What a
 * joining board is sent first is read by other threads ({@link #WELCOMERS}), so boards joining by the hundred
 * never hold up a call on the boards already showing.
 */
@ApplicationScoped
public class DisplayFeed {

    private static final Logger LOG = Logger.getLogger(DisplayFeed.class);

    /** A board that asked to resume from further back than this gets a fresh snapshot instead. */
    static final int MAX_REPLAY = 500;

    /** The seq of a board that has not had its snapshot yet: no journal event is sent to it before that. */
    static final long AWAITING_SNAPSHOT = Long.MAX_VALUE;

    /** Threads reading welcomes: a few, so joining boards never take the database pool from the counters. */
    static final int WELCOMERS = 2;

    /** One connected board and the last seq it has been given. */
    static final class Viewer {
        final WebSocketConnection connection;
        final long boardId;
        final Long since;
        BoardScope scope;
        long seenSeq;
        /** While its welcome is read: what the other boards were sent meanwhile, for it to get after the welcome. */
        List<Object> missed = new ArrayList<>();
        /** The set-up changed, or too much was missed, while its welcome was read: read it again. */
        boolean stale;

        Viewer(WebSocketConnection connection, long boardId, Long since) {
            this.connection = connection;
            this.boardId = boardId;
            this.since = since;
        }

        void miss(Object item) {
            if (stale) {
                return;
            }
            if (missed.size() >= MAX_REPLAY) {
                stale = true;
                missed.clear();
            } else {
                missed.add(item);
            }
        }
    }

    private record Join(Viewer viewer) {
    }

    /** What a board is sent first, as text, and the seq it brings the board to. */
    private record Welcome(List<String> texts, long seenSeq) {
    }

    /** A welcome read off the feed thread; neither welcome nor failure when the board left first. */
    private record Read(Viewer viewer, Welcome welcome, RuntimeException failure) {
    }

    /** A journal event, as sent, to the boards while another board's welcome was being read. */
    private record Missed(JournalEntry entry, String text) {
    }

    /** A message for every board, as sent, while another board's welcome was being read. */
    private record MissedBroadcast(String text) {
    }

    private record Stop() {
    }

    /** A call relayed during an outage, written once for every board that shows the counter. */
    private record Relay(long counterId, String text) {
    }

    private record Reload() {
    }

    /** Runs just before a board's welcome commits; tests take the database away here. */
    static volatile Runnable beforeWelcomeCommits = () -> {
    };

    private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private final Map<String, Viewer> viewers = new ConcurrentHashMap<>();
    /** Boards whose welcome is being read, by connection id. */
    private final Map<String, Viewer> joining = new ConcurrentHashMap<>();
    private final ExecutorService welcomers = Executors.newFixedThreadPool(WELCOMERS, task -> {
        Thread t = new Thread(task, "display-welcome");
        t.setDaemon(true);
        return t;
    });
    /** What each board shows, as last read: a board that connects while the database is away is shown its calls. */
    private final Map<Long, BoardScope> scopes = new ConcurrentHashMap<>();
    private final DisplaySnapshots snapshots;
    private final DisplayEvents events;
    private final Journal journal;
    private final ObjectMapper json;
    private final SystemMode mode;
    private final Event<DatabaseUnreachable> unreachable;
    private Thread worker;

    public DisplayFeed(DisplaySnapshots snapshots, DisplayEvents events, Journal journal, ObjectMapper json,
            SystemMode mode, Event<DatabaseUnreachable> unreachable) {
        this.snapshots = snapshots;
        this.events = events;
        this.journal = journal;
        this.json = json;
        this.mode = mode;
        this.unreachable = unreachable;
    }

    void start(@Observes StartupEvent start) {
        worker = new Thread(this::run, "display-feed");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent stop) {
        inbox.add(new Stop());
        welcomers.shutdownNow();
    }

    /** Fired by Journal.append inside a command's transaction, and delivered here only once that transaction committed. */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) JournalEntry entry) {
        inbox.add(entry);
    }

    /**
     * After the other observers: when the database is back, {@link org.opdqueue.outage.OutageRecovery} has written the
     * calls relayed meanwhile before a board waiting for its snapshot is sent one.
     */
    void modeChanged(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) SystemMode.State state) {
        inbox.add(DisplayMessage.Event.mode(state.mode().name(), state.since()));
    }

    /** A call made by number while the database is away, shown on the boards that show the counter. */
    public void relayCall(long counterId, String number, java.time.Instant at) {
        DisplayMessage.CounterName name = snapshots.counterNameIfKnown(counterId);
        inbox.add(new Relay(counterId, write(DisplayMessage.Event.relayedCall(counterId,
                name != null ? name : new DisplayMessage.CounterName("Counter " + counterId, null), number, at))));
    }

    /**
     * After the hospital's set-up changed: every connected board reads what it shows again and gets a fresh
     * snapshot (a board that was switched off is told so and closed), without waiting for a reconnect.
     */
    public void reloadBoards() {
        inbox.add(new Reload());
    }

    public void join(WebSocketConnection connection, long boardId, Long since) {
        inbox.add(new Join(new Viewer(connection, boardId, since)));
    }

    public void leave(WebSocketConnection connection) {
        viewers.remove(connection.id());
        joining.remove(connection.id());
    }

    private void run() {
        List<Object> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(inbox.take());
                inbox.drainTo(batch);
                if (!handle(batch)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("Display feed could not deliver a batch; boards will catch up on their next event", e);
            } finally {
                batch.clear();
            }
        }
    }

    private boolean handle(List<Object> batch) {
        List<JournalEntry> entries = new ArrayList<>();
        for (Object item : batch) {
            if (item instanceof JournalEntry entry) {
                if (forBoards(entry)) {
                    entries.add(entry);
                }
                continue;
            }
            deliver(entries);
            entries.clear();
            if (item instanceof Join join) {
                welcome(join.viewer());
            } else if (item instanceof Read read) {
                welcomed(read);
            } else if (item instanceof DisplayMessage.Event broadcast) {
                MissedBroadcast written = new MissedBroadcast(write(broadcast));
                viewers.values().forEach(v -> send(v, written.text()));
                joining.values().forEach(v -> v.miss(written));
                if (Mode.NORMAL.name().equals(broadcast.mode())) {
                    welcomeAgain(v -> v.seenSeq == AWAITING_SNAPSHOT);
                }
            } else if (item instanceof Relay relay) {
                viewers.values().stream().filter(v -> v.scope != null && v.scope.counterIds().contains(relay.counterId()))
                        .forEach(v -> send(v, relay.text()));
                joining.values().forEach(v -> v.miss(relay));
            } else if (item instanceof Reload) {
                joining.values().forEach(v -> v.stale = true);
                welcomeAgain(v -> true);
            } else if (item instanceof Stop) {
                return false;
            }
        }
        deliver(entries);
        return true;
    }

    /**
     * Mode changes reach boards live from {@link SystemMode}; what the outage recovery writes afterwards (mode
     * entries, relayed calls) the boards saw while it happened, so it is journaled for audit, not shown again.
     * Set-up changes concern no board ({@link BoardScope#concerns}): boards get them as a fresh snapshot.
     */
    private static boolean forBoards(JournalEntry entry) {
        return entry.type != org.opdqueue.journal.JournalEventType.MODE_CHANGED && !entry.outageReplay;
    }

    private void deliver(List<JournalEntry> entries) {
        if (entries.isEmpty() || viewers.isEmpty() && joining.isEmpty()) {
            return;
        }
        List<DisplayMessage.Event> translated;
        try {
            translated = QuarkusTransaction.requiringNew().call(() -> events.translate(entries));
        } catch (RuntimeException e) {
            LOG.debugf("Counts for the boards could not be read (%s); sending the events without them", e.getMessage());
            translated = events.translateFromMemory(entries);
        }
        Map<BoardScope, List<Viewer>> byScope = new java.util.IdentityHashMap<>();
        for (Viewer v : viewers.values()) {
            if (v.scope != null) { // without one it waits for its snapshot (joined in an outage) and is sent no event
                byScope.computeIfAbsent(v.scope, scope -> new ArrayList<>()).add(v);
            }
        }
        for (int i = 0; i < entries.size(); i++) {
            JournalEntry entry = entries.get(i);
            // written once, and the same text sent to every board that shows it: a thousand boards cost one encoding
            String text = write(translated.get(i));
            byScope.forEach((scope, shown) -> {
                if (scope.concerns(entry)) {
                    for (Viewer v : shown) {
                        // Every entry comes through here once, in commit order, which is not always seq order (two
                        // counters committing at once): a board on the feed gets each, whatever its seq. Only one that
                        // waits for its snapshot (joined in an outage) gets none.
                        if (v.seenSeq != AWAITING_SNAPSHOT) {
                            v.seenSeq = Math.max(v.seenSeq, entry.seq);
                            send(v, text);
                        }
                    }
                }
            });
            Missed missed = new Missed(entry, text);
            joining.values().forEach(v -> v.miss(missed));
        }
    }

    /**
     * Has the board's welcome read by a welcomer; the feed goes on meanwhile and keeps what the board misses. The
     * welcome is the missed events when the board resumes from a recent seq, or else (from further back, or across
     * an outage) a fresh snapshot. They are read in a transaction and sent after it: a read-only transaction whose
     * commit fails (the database went away just after the read) still read the truth, so the board is welcomed all
     * the same and stays on the feed for what is relayed during the outage.
     */
    private void welcome(Viewer v) {
        if (!v.connection.isOpen()) {
            return;
        }
        v.missed = new ArrayList<>();
        v.stale = false;
        joining.put(v.connection.id(), v);
        welcomers.execute(() -> inbox.add(readWelcome(v)));
    }

    /**
     * On a welcomer: the missed events when the board resumes from a recent seq, or else a fresh snapshot. A
     * read-only transaction whose commit fails (the database went away just after the read) still read the truth,
     * so the board is welcomed all the same and stays on the feed for what is relayed during the outage.
     */
    private Read readWelcome(Viewer v) {
        if (!v.connection.isOpen()) {
            return new Read(v, null, null);
        }
        Welcome[] read = new Welcome[1];
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                read[0] = read(v);
                beforeWelcomeCommits.run();
            });
        } catch (RuntimeException e) {
            if (read[0] == null) {
                return new Read(v, null, e);
            }
            LOG.debugf("Board %d was read, then the transaction could not commit: %s", v.boardId, e.getMessage());
        }
        return new Read(v, read[0], null);
    }

    /**
     * Back on the feed thread: sends the welcome, then what the other boards were sent while it was read and it
     * has not seen, and from then on every event after it.
     */
    private void welcomed(Read read) {
        Viewer v = read.viewer();
        if (joining.remove(v.connection.id()) == null || !v.connection.isOpen()) {
            return; // it left meanwhile
        }
        if (v.stale) {
            welcome(new Viewer(v.connection, v.boardId, null));
            return;
        }
        if (read.welcome() == null) {
            if (read.failure() != null) {
                refuse(v, read.failure());
            }
            return;
        }
        read.welcome().texts().forEach(text -> v.connection.sendText(text).subscribe().with(ok -> {
        }, failure -> {
            LOG.debugf("Board %d did not take its welcome: %s", v.boardId, failure);
            v.connection.close(new CloseReason(1011, "welcome not delivered")).subscribe().with(ok -> {
            }, closing -> {
            });
        }));
        v.seenSeq = read.welcome().seenSeq();
        sendMissed(v);
        register(v);
    }

    private void sendMissed(Viewer v) {
        for (Object item : v.missed) {
            if (item instanceof Missed m) {
                if (m.entry().seq > v.seenSeq && v.scope.concerns(m.entry())) {
                    v.seenSeq = m.entry().seq;
                    send(v, m.text());
                }
            } else if (item instanceof Relay relay) {
                if (v.scope != null && v.scope.counterIds().contains(relay.counterId())) {
                    send(v, relay.text());
                }
            } else if (item instanceof MissedBroadcast broadcast) {
                send(v, broadcast.text());
            }
        }
        v.missed = List.of();
    }

    private Welcome read(Viewer v) {
        // the boards of a hall share one scope object while it is unchanged, so deliver() groups them by identity
        // instead of hashing the scope's sets for each of a thousand boards at every event
        BoardScope fresh = snapshots.scope(v.boardId);
        v.scope = scopes.merge(v.boardId, fresh, (known, now) -> known.equals(now) ? known : now);
        long last = journal.lastSeq();
        if (v.since != null && v.since >= 0 && v.since <= last && last - v.since <= MAX_REPLAY) {
            List<JournalEntry> missed = journal.since(v.since, MAX_REPLAY).stream().filter(v.scope::concerns).toList();
            if (missed.stream().noneMatch(e -> e.outageReplay)) {
                List<JournalEntry> shown = missed.stream().filter(DisplayFeed::forBoards).toList();
                return new Welcome(shown.isEmpty() ? List.of() : events.translate(shown).stream().map(this::write).toList(), last);
            }
            // Across an outage: what the board showed then reached the journal only afterwards. Replayed as events,
            // its calls would be announced again; left out, a board that missed them would never show them. A
            // snapshot shows them without announcing them.
        }
        DisplayMessage.Snapshot snapshot = snapshots.snapshot(v.boardId);
        return new Welcome(List.of(write(snapshot)), snapshot.seq());
    }

    /**
     * An unknown or switched-off board is told so and closed. Without the database a board is told the mode and
     * kept for the calls relayed meanwhile (if the server knows what it shows); it gets its snapshot when the
     * database is back. Anything else closes it, and it connects again.
     */
    private void refuse(Viewer v, RuntimeException e) {
        ProblemType type = Failures.classify(e);
        if (e instanceof ProblemException) {
            scopes.remove(v.boardId);
        } else if (type == ProblemType.DEGRADED || mode.degraded()) {
            LOG.debugf("Board %d joins without the database: %s", v.boardId, e.getMessage());
            if (type == ProblemType.DEGRADED) {
                unreachable.fire(new DatabaseUnreachable(String.valueOf(e.getMessage())));
            }
            v.scope = scopes.get(v.boardId);
            v.seenSeq = AWAITING_SNAPSHOT;
            SystemMode.State state = mode.current();
            send(v, DisplayMessage.Event.mode(state.mode().name(), state.since()));
            sendMissed(v);
            register(v);
            return;
        }
        LOG.debugf("Board %d could not join: %s", v.boardId, e.getMessage());
        String detail = e instanceof ProblemException ? e.getMessage() : "The board's data could not be read";
        v.connection.sendText(write(Map.of("type", "error", "detail", detail)))
                .chain(() -> v.connection.close(new CloseReason(e instanceof ProblemException ? 4404 : 1011, detail)))
                .subscribe().with(ok -> {
                }, failure -> {
                });
    }

    private void register(Viewer v) {
        viewers.put(v.connection.id(), v);
        if (!v.connection.isOpen()) {
            viewers.remove(v.connection.id()); // it closed meanwhile, perhaps before leave() could find it
        }
    }

    /** Welcomes the boards again that match, each from scratch (a fresh snapshot). */
    private void welcomeAgain(java.util.function.Predicate<Viewer> which) {
        List.copyOf(viewers.values()).stream().filter(which).forEach(v -> {
            viewers.remove(v.connection.id());
            welcome(new Viewer(v.connection, v.boardId, null));
        });
    }

    private void send(Viewer v, Object message) {
        send(v, write(message));
    }

    private void send(Viewer v, String text) {
        v.connection.sendText(text).subscribe().with(ok -> {
        }, failure -> LOG.debugf("Board %d did not take a message: %s", v.boardId, failure));
    }

    private String write(Object message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
