package org.opdqueue.display;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.WebSocketConnection;

import org.opdqueue.common.DatabaseUnreachable;
import org.opdqueue.common.Failures;
import org.opdqueue.common.ProblemException;
import org.opdqueue.common.ProblemType;
import org.opdqueue.journal.JournalEntry;
import org.opdqueue.journal.Journaled;
import org.opdqueue.nodes.FanOut;
import org.opdqueue.reads.CommittedReadings;
import org.opdqueue.status.Mode;
import org.opdqueue.status.SystemMode;

/**
 * Pushes committed journal events to the boards that show them. One thread does all of it, in the order the
 * commits were announced, so a board that joins gets its snapshot and then exactly the events after it. What a
 * joining board is sent first is read by other threads ({@link BoardWelcomes}), so boards joining by the hundred
 * never hold up a call on the boards already showing. This node's entries come right after their commit; every
 * node's, this one's included, come again from the {@link JournalFollower}, and each is sent once ({@link HandledSeqs}).
 */
@ApplicationScoped
public class DisplayFeed {

    private static final Logger LOG = Logger.getLogger(DisplayFeed.class);

    /** A board that asked to resume from further back than this gets a fresh snapshot instead. */
    static final int MAX_REPLAY = 500;

    private record Join(BoardViewer viewer) {
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

    /** Entries read from the journal (committed by any node), and the lowest seq that may still be read after them. */
    private record Followed(List<JournalEntry> entries, long followedTo) {
    }

    /** Runs on the feed's thread before each batch of journal events is sent; tests hold the feed here. */
    static volatile Runnable beforeDelivery = () -> {
    };

    private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private final Map<String, BoardViewer> viewers = new ConcurrentHashMap<>();
    /** Boards whose welcome is being read, by connection id. */
    private final Map<String, BoardViewer> joining = new ConcurrentHashMap<>();
    private final BoardWelcomes welcomes;
    private final DisplaySnapshots snapshots;
    private final DisplayEvents events;
    private final BoardSockets sockets;
    private final SystemMode mode;
    private final Event<DatabaseUnreachable> unreachable;
    private final JournalFollower follower;
    private final FanOut fanOut;
    private final CommittedReadings readings;
    /** Only the feed's thread. */
    private final HandledSeqs handled = new HandledSeqs();
    private Thread worker;

    public DisplayFeed(BoardWelcomes welcomes, DisplaySnapshots snapshots, DisplayEvents events, BoardSockets sockets,
            SystemMode mode, Event<DatabaseUnreachable> unreachable, JournalFollower follower, FanOut fanOut,
            CommittedReadings readings) {
        this.welcomes = welcomes;
        this.snapshots = snapshots;
        this.events = events;
        this.sockets = sockets;
        this.mode = mode;
        this.unreachable = unreachable;
        this.follower = follower;
        this.fanOut = fanOut;
        this.readings = readings;
    }

    void start(@Observes StartupEvent start) {
        worker = new Thread(this::run, "display-feed");
        worker.setDaemon(true);
        worker.start();
        follower.start((entries, followedTo) -> inbox.add(new Followed(entries, followedTo)));
    }

    void stop(@Observes ShutdownEvent stop) {
        follower.stop();
        inbox.add(new Stop());
        welcomes.stop();
    }

    /** Fired by Journal.append inside a command's transaction, and delivered here only once that transaction committed. */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Journaled journaled) {
        follower.committedHere(journaled.entries());
        inbox.addAll(journaled.entries());
    }

    /**
     * After the other observers: when the database is back, {@link org.opdqueue.outage.OutageRecovery} has written the
     * calls relayed meanwhile before a board waiting for its snapshot is sent one.
     */
    void modeChanged(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) SystemMode.State state) {
        inbox.add(DisplayMessage.Event.mode(state.mode().name(), state.since()));
    }

    /**
     * A call made by number while the database is away, shown on the boards of this node that show the counter; the
     * caller publishes it to the other nodes ({@link FanOut#relayed}), which show it through {@link #relayedElsewhere}.
     */
    public void relayCall(long counterId, String number, java.time.Instant at) {
        relayHere(counterId, number, at);
    }

    void relayedElsewhere(@Observes FanOut.RelayedCall call) {
        relayHere(call.counterId(), call.number(), call.at());
    }

    private void relayHere(long counterId, String number, java.time.Instant at) {
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

    /** {@code loop}: the event loop of the board's socket (null: unknown); {@code takesBatches}: see {@link BoardViewer}. */
    public void join(WebSocketConnection connection, long boardId, Long since, boolean takesBatches,
            java.util.concurrent.Executor loop) {
        inbox.add(new Join(new BoardViewer(connection, boardId, since, takesBatches, loop)));
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
        hintOtherNodes(batch);
        List<JournalEntry> entries = new ArrayList<>();
        for (Object item : batch) {
            if (item instanceof JournalEntry entry) {
                if (handled.first(entry.seq) && forBoards(entry)) {
                    entries.add(entry);
                }
                continue;
            }
            if (item instanceof Followed followed) {
                handled.followedTo(followed.followedTo());
                boolean news = false;
                for (JournalEntry entry : followed.entries()) {
                    if (handled.first(entry.seq)) {
                        news = true;
                        if (forBoards(entry)) {
                            entries.add(entry);
                        }
                    }
                }
                if (news) {
                    readings.forget(); // committed by another node: kiosks and consoles here read it at once too
                }
                continue;
            }
            deliver(entries);
            entries.clear();
            if (item instanceof Join join) {
                welcome(join.viewer());
            } else if (item instanceof BoardWelcomes.Read read) {
                welcomed(read);
            } else if (item instanceof DisplayMessage.Event broadcast) {
                MissedBroadcast written = new MissedBroadcast(write(broadcast));
                viewers.values().forEach(v -> send(v, written.text()));
                joining.values().forEach(v -> v.miss(written));
                if (Mode.NORMAL.name().equals(broadcast.mode())) {
                    welcomeAgain(v -> v.seenSeq == BoardViewer.AWAITING_SNAPSHOT);
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

    /** After this node's commits: the other nodes read them from the journal now rather than at their next check. */
    private void hintOtherNodes(List<Object> batch) {
        long last = -1;
        for (Object item : batch) {
            if (item instanceof JournalEntry entry) {
                last = Math.max(last, entry.seq);
            }
        }
        if (last >= 0) {
            fanOut.committed(last);
        }
    }

    /**
     * Mode changes reach boards live from {@link SystemMode}; what the outage recovery writes afterwards (mode
     * entries, relayed calls) the boards saw while it happened, so it is journaled for audit, not shown again.
     * Set-up changes concern no board ({@link BoardScope#concerns}): boards get them as a fresh snapshot.
     */
    static boolean forBoards(JournalEntry entry) {
        return entry.type != org.opdqueue.journal.JournalEventType.MODE_CHANGED && !entry.outageReplay;
    }

    private void deliver(List<JournalEntry> entries) {
        if (entries.isEmpty() || viewers.isEmpty() && joining.isEmpty()) {
            return;
        }
        beforeDelivery.run();
        List<DisplayMessage.Event> translated;
        try {
            translated = events.translate(entries);
        } catch (RuntimeException e) {
            LOG.debugf("Counts for the boards could not be read (%s); sending the events without them", e.getMessage());
            translated = events.translateFromMemory(entries);
        }
        Map<BoardScope, List<BoardViewer>> byScope = new java.util.IdentityHashMap<>();
        for (BoardViewer v : viewers.values()) {
            if (v.scope != null) { // without one it waits for its snapshot (joined in an outage) and is sent no event
                byScope.computeIfAbsent(v.scope, scope -> new ArrayList<>()).add(v);
            }
        }
        // each event written once, and the same text sent to every board that shows it: a thousand boards cost one
        // encoding; a board that takes batches gets what this batch holds for its scope as one frame
        List<String> texts = new ArrayList<>(entries.size());
        for (DisplayMessage.Event event : translated) {
            texts.add(write(event));
        }
        List<BoardSockets.Outgoing> outgoing = new ArrayList<>();
        byScope.forEach((scope, shown) -> {
            List<String> concerned = new ArrayList<>();
            long lastSeq = Long.MIN_VALUE;
            for (int i = 0; i < entries.size(); i++) {
                if (scope.concerns(entries.get(i))) {
                    concerned.add(texts.get(i));
                    lastSeq = Math.max(lastSeq, entries.get(i).seq);
                }
            }
            if (concerned.isEmpty()) {
                return;
            }
            // encoded once for the scope's boards: the same bytes go to every socket
            io.vertx.core.buffer.Buffer frame = io.vertx.core.buffer.Buffer
                    .buffer(concerned.size() == 1 ? concerned.get(0) : "[" + String.join(",", concerned) + "]");
            for (BoardViewer v : shown) {
                // Every entry comes through here once, in commit order, which is not always seq order (two counters
                // committing at once): a board on the feed gets each, whatever its seq. Only one that waits for its
                // snapshot (joined in an outage) gets none.
                if (v.seenSeq != BoardViewer.AWAITING_SNAPSHOT) {
                    v.seenSeq = Math.max(v.seenSeq, lastSeq);
                    if (v.takesBatches) {
                        outgoing.add(new BoardSockets.Outgoing(v, frame));
                    } else {
                        concerned.forEach(text -> outgoing.add(new BoardSockets.Outgoing(v, text)));
                    }
                }
            }
        });
        // Returns once the sockets' event loops have written this batch: what commits meanwhile waits in the inbox
        // and goes as the next batch, so a burst of calls costs fewer, larger frames instead of a queue of small ones.
        sockets.sendEach(outgoing);
        for (int i = 0; i < entries.size(); i++) {
            Missed missed = new Missed(entries.get(i), texts.get(i));
            joining.values().forEach(v -> v.miss(missed));
        }
    }

    /**
     * Has the board's welcome read by a welcomer; the feed goes on meanwhile and keeps what the board misses.
     */
    private void welcome(BoardViewer v) {
        if (!v.connection.isOpen()) {
            return;
        }
        v.missed = new ArrayList<>();
        v.stale = false;
        joining.put(v.connection.id(), v);
        welcomes.read(v, inbox::add);
    }

    /**
     * Back on the feed thread: sends the welcome, then what the other boards were sent while it was read and it
     * has not seen, and from then on every event after it.
     */
    private void welcomed(BoardWelcomes.Read read) {
        BoardViewer v = read.viewer();
        if (joining.remove(v.connection.id()) == null || !v.connection.isOpen()) {
            return; // it left meanwhile
        }
        if (v.stale) {
            welcome(v.afresh());
            return;
        }
        if (read.welcome() == null) {
            if (read.failure() != null) {
                refuse(v, read.failure());
            }
            return;
        }
        sockets.sendWelcome(v, read.welcome().texts());
        v.seenSeq = read.welcome().seenSeq();
        sendMissed(v, read.welcome().pending());
        register(v);
    }

    /**
     * What the other boards were sent while this one's welcome was read: the events after the welcome's seq, and
     * those below it that had not committed when it was read ({@code pending}; a call committing late).
     */
    private void sendMissed(BoardViewer v, List<Long> pending) {
        for (Object item : v.missed) {
            if (item instanceof Missed m) {
                long seq = m.entry().seq;
                if ((seq > v.seenSeq || pending.contains(seq)) && v.scope.concerns(m.entry())) {
                    v.seenSeq = Math.max(v.seenSeq, seq);
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

    /**
     * An unknown or switched-off board is told so and closed. Without the database a board is told the mode and
     * kept for the calls relayed meanwhile (if the server knows what it shows); it gets its snapshot when the
     * database is back. Anything else closes it, and it connects again.
     */
    private void refuse(BoardViewer v, RuntimeException e) {
        ProblemType type = Failures.classify(e);
        if (e instanceof ProblemException) {
            welcomes.forget(v.boardId);
        } else if (type == ProblemType.DEGRADED || mode.degraded()) {
            LOG.debugf("Board %d joins without the database: %s", v.boardId, e.getMessage());
            if (type == ProblemType.DEGRADED) {
                unreachable.fire(new DatabaseUnreachable(String.valueOf(e.getMessage())));
            }
            v.scope = welcomes.lastKnownScope(v.boardId);
            v.seenSeq = BoardViewer.AWAITING_SNAPSHOT;
            SystemMode.State state = mode.current();
            send(v, DisplayMessage.Event.mode(state.mode().name(), state.since()));
            sendMissed(v, List.of());
            register(v);
            return;
        }
        LOG.debugf("Board %d could not join: %s", v.boardId, e.getMessage());
        String detail = e instanceof ProblemException ? e.getMessage() : "The board's data could not be read";
        sockets.refuse(v, e instanceof ProblemException ? 4404 : 1011, detail);
    }

    private void register(BoardViewer v) {
        viewers.put(v.connection.id(), v);
        if (!v.connection.isOpen()) {
            viewers.remove(v.connection.id()); // it closed meanwhile, perhaps before leave() could find it
        }
    }

    /** Welcomes the boards again that match, each from scratch (a fresh snapshot). */
    private void welcomeAgain(java.util.function.Predicate<BoardViewer> which) {
        List.copyOf(viewers.values()).stream().filter(which).forEach(v -> {
            viewers.remove(v.connection.id());
            welcome(v.afresh());
        });
    }

    private void send(BoardViewer v, Object message) {
        sockets.send(v, sockets.write(message));
    }

    private void send(BoardViewer v, String text) {
        sockets.send(v, text);
    }

    private String write(Object message) {
        return sockets.write(message);
    }
}
