package org.opdqueue.display;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.opdqueue.journal.Journal;
import org.opdqueue.journal.JournalEntry;

/**
 * What a joining board is sent first: the events it missed when it resumes from a recent seq, or else a fresh
 * snapshot. Read on a few threads of their own ({@link #WELCOMERS}), so boards joining by the hundred never hold up
 * the feed, nor take the database pool from the counters.
 */
@ApplicationScoped
class BoardWelcomes {

    private static final Logger LOG = Logger.getLogger(BoardWelcomes.class);

    static final int WELCOMERS = 2;

    /** Runs just before a board's welcome commits; tests take the database away here. */
    static volatile Runnable beforeCommit = () -> {
    };

    /**
     * What a board is sent first, as text, the seq it brings the board to, and the seqs below that it could not
     * hold because they had not committed yet: the board is sent those when they do.
     */
    record Welcome(List<String> texts, long seenSeq, List<Long> pending) {
    }

    /** A welcome read; neither welcome nor failure when the board left first. */
    record Read(BoardViewer viewer, Welcome welcome, RuntimeException failure) {
    }

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

    BoardWelcomes(DisplaySnapshots snapshots, DisplayEvents events, Journal journal, ObjectMapper json) {
        this.snapshots = snapshots;
        this.events = events;
        this.journal = journal;
        this.json = json;
    }

    /** Reads the board's welcome on a welcomer and hands it to {@code done} there. */
    void read(BoardViewer v, Consumer<Read> done) {
        welcomers.execute(() -> done.accept(read(v)));
    }

    void stop() {
        welcomers.shutdownNow();
    }

    /** What the board showed when last read (null if never, or it is gone): for a board joining without the database. */
    BoardScope lastKnownScope(long boardId) {
        return scopes.get(boardId);
    }

    void forget(long boardId) {
        scopes.remove(boardId);
    }

    /**
     * Read in a transaction and sent after it: a read-only transaction whose commit fails (the database went away
     * just after the read) still read the truth, so the board is welcomed all the same and stays on the feed for
     * what is relayed during the outage.
     */
    private Read read(BoardViewer v) {
        if (!v.connection.isOpen()) {
            return new Read(v, null, null);
        }
        Welcome[] read = new Welcome[1];
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                read[0] = welcome(v);
                beforeCommit.run();
            });
        } catch (RuntimeException e) {
            if (read[0] == null) {
                return new Read(v, null, e);
            }
            LOG.debugf("Board %d was read, then the transaction could not commit: %s", v.boardId, e.getMessage());
        }
        return new Read(v, read[0], null);
    }

    private Welcome welcome(BoardViewer v) {
        // the boards of a hall share one scope object while it is unchanged, so the feed groups them by identity
        // instead of hashing the scope's sets for each of a thousand boards at every event
        BoardScope fresh = snapshots.scope(v.boardId);
        v.scope = scopes.merge(v.boardId, fresh, (known, now) -> known.equals(now) ? known : now);
        long last = journal.lastSeq();
        if (v.since != null && v.since >= 0 && v.since <= last && last - v.since <= DisplayFeed.MAX_REPLAY) {
            List<JournalEntry> missed = journal.since(v.since, DisplayFeed.MAX_REPLAY).stream().filter(v.scope::concerns)
                    .toList();
            if (missed.stream().noneMatch(e -> e.outageReplay)) {
                List<JournalEntry> shown = missed.stream().filter(DisplayFeed::forBoards).toList();
                return new Welcome(shown.isEmpty() ? List.of() : events.translate(shown).stream().map(this::write).toList(),
                        last, journal.openBelow(last, DisplaySnapshots.OPEN_WINDOW));
            }
            // Across an outage: what the board showed then reached the journal only afterwards. Replayed as events,
            // its calls would be announced again; left out, a board that missed them would never show them. A
            // snapshot shows them without announcing them.
        }
        DisplayMessage.Snapshot snapshot = snapshots.snapshot(v.boardId);
        return new Welcome(List.of(write(snapshot)), snapshot.seq(), snapshot.pending());
    }

    private String write(Object message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
