package org.opdqueue.display;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;

import org.opdqueue.common.ProblemException;
import org.opdqueue.journal.Journal;
import org.opdqueue.journal.JournalEntry;
import org.opdqueue.status.SystemMode;

/**
 * Pushes committed journal events to the boards that show them. One thread does all of it, in the order the
 * commits were announced, so a board that joins gets its snapshot and then exactly the events after it.
 */
@ApplicationScoped
public class DisplayFeed {

    private static final Logger LOG = Logger.getLogger(DisplayFeed.class);

    /** A board that asked to resume from further back than this gets a fresh snapshot instead. */
    static final int MAX_REPLAY = 500;

    /** One connected board and the last seq it has been given. */
    static final class Viewer {
        final WebSocketConnection connection;
        final long boardId;
        final Long since;
        BoardScope scope;
        long seenSeq;

        Viewer(WebSocketConnection connection, long boardId, Long since) {
            this.connection = connection;
            this.boardId = boardId;
            this.since = since;
        }
    }

    private record Join(Viewer viewer) {
    }

    private record Stop() {
    }

    private record Relay(long counterId, DisplayMessage.Event event) {
    }

    private record Reload() {
    }

    private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private final Map<String, Viewer> viewers = new ConcurrentHashMap<>();
    private final DisplaySnapshots snapshots;
    private final DisplayEvents events;
    private final Journal journal;
    private final ObjectMapper json;
    private Thread worker;

    public DisplayFeed(DisplaySnapshots snapshots, DisplayEvents events, Journal journal, ObjectMapper json) {
        this.snapshots = snapshots;
        this.events = events;
        this.journal = journal;
        this.json = json;
    }

    void start(@Observes StartupEvent start) {
        worker = new Thread(this::run, "display-feed");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent stop) {
        inbox.add(new Stop());
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) JournalEntry entry) {
        inbox.add(entry);
    }

    void modeChanged(@Observes SystemMode.State state) {
        inbox.add(DisplayMessage.Event.mode(state.mode().name(), state.since()));
    }

    /** A call made by number while the database is away, shown on the boards that show the counter. */
    public void relayCall(long counterId, String number, java.time.Instant at) {
        String name = snapshots.counterNameIfKnown(counterId);
        inbox.add(new Relay(counterId, new DisplayMessage.Event("called", null, number, counterId,
                name != null ? name : "Counter " + counterId, null, false, null, null, null, null, null, at, null, null,
                null)));
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
            } else if (item instanceof DisplayMessage.Event broadcast) {
                viewers.values().forEach(v -> send(v, broadcast));
            } else if (item instanceof Relay relay) {
                viewers.values().stream().filter(v -> v.scope.counterIds().contains(relay.counterId()))
                        .forEach(v -> send(v, relay.event()));
            } else if (item instanceof Reload) {
                List.copyOf(viewers.values()).forEach(v -> {
                    viewers.remove(v.connection.id());
                    welcome(new Viewer(v.connection, v.boardId, null));
                });
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
     * Set-up changes are for audit too: boards get them as a fresh snapshot ({@link #reloadBoards()}).
     */
    private static boolean forBoards(JournalEntry entry) {
        return entry.type != org.opdqueue.journal.JournalEventType.MODE_CHANGED
                && entry.type != org.opdqueue.journal.JournalEventType.SETUP_CHANGED
                && (entry.detail == null || !entry.detail.startsWith(JournalEntry.OUTAGE_REPLAY));
    }

    private void deliver(List<JournalEntry> entries) {
        if (entries.isEmpty() || viewers.isEmpty()) {
            return;
        }
        List<DisplayMessage.Event> translated;
        try {
            translated = QuarkusTransaction.requiringNew().call(() -> events.translate(entries));
        } catch (RuntimeException e) {
            LOG.debugf("Counts for the boards could not be read (%s); sending the events without them", e.getMessage());
            translated = events.translateFromMemory(entries);
        }
        for (int i = 0; i < entries.size(); i++) {
            JournalEntry entry = entries.get(i);
            DisplayMessage.Event event = translated.get(i);
            String text = null;
            for (Viewer v : viewers.values()) {
                if (entry.seq > v.seenSeq && v.scope.concerns(entry)) {
                    text = text != null ? text : write(event);
                    v.seenSeq = entry.seq;
                    v.connection.sendText(text).subscribe().with(ok -> {
                    }, failure -> LOG.debugf("Board %d did not take an event: %s", v.boardId, failure));
                }
            }
        }
    }

    /** Sends the missed events when the board resumes from a recent seq, or else a fresh snapshot. */
    private void welcome(Viewer v) {
        if (!v.connection.isOpen()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                v.scope = snapshots.scope(v.boardId);
                long last = journal.lastSeq();
                if (v.since != null && v.since >= 0 && v.since <= last && last - v.since <= MAX_REPLAY) {
                    List<JournalEntry> missed = journal.since(v.since, MAX_REPLAY).stream()
                            .filter(v.scope::concerns).toList();
                    List<DisplayMessage.Event> replay = missed.isEmpty() ? List.of() : events.translate(missed);
                    replay.forEach(e -> v.connection.sendTextAndAwait(write(e)));
                    v.seenSeq = last;
                } else {
                    DisplayMessage.Snapshot snapshot = snapshots.snapshot(v.boardId);
                    v.connection.sendTextAndAwait(write(snapshot));
                    v.seenSeq = snapshot.seq();
                }
            });
            viewers.put(v.connection.id(), v);
        } catch (RuntimeException e) {
            LOG.debugf("Board %d could not join: %s", v.boardId, e.getMessage());
            String detail = e instanceof ProblemException ? e.getMessage() : "The board's data could not be read";
            v.connection.sendText(write(Map.of("type", "error", "detail", detail)))
                    .chain(() -> v.connection.close(new CloseReason(e instanceof ProblemException ? 4404 : 1011, detail)))
                    .subscribe().with(ok -> {
                    }, failure -> {
                    });
        }
    }

    private void send(Viewer v, Object message) {
        v.connection.sendText(write(message)).subscribe().with(ok -> {
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
