package org.opdqueue.display;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import io.quarkus.websockets.next.WebSocketConnection;

/** One connected board and the last seq it has been given. Only the feed's thread changes it. */
final class BoardViewer {

    /** The seq of a board that has not had its snapshot yet: no journal event is sent to it before that. */
    static final long AWAITING_SNAPSHOT = Long.MAX_VALUE;

    final WebSocketConnection connection;
    final long boardId;
    final Long since;
    /**
     * The board's page takes several events in one frame (a JSON array) as UTF-8 in a binary frame; a page written
     * before that takes one event per text frame.
     */
    final boolean takesBatches;
    /** The event loop that writes to this board's socket, or null when unknown (then Vert.x hands each write over). */
    final Executor loop;
    BoardScope scope;
    long seenSeq;
    /** While its welcome is read: what the other boards were sent meanwhile, for it to get after the welcome. */
    List<Object> missed = new ArrayList<>();
    /** The set-up changed, or too much was missed, while its welcome was read: read it again. */
    boolean stale;

    BoardViewer(WebSocketConnection connection, long boardId, Long since, boolean takesBatches, Executor loop) {
        this.connection = connection;
        this.boardId = boardId;
        this.since = since;
        this.takesBatches = takesBatches;
        this.loop = loop;
    }

    /** The same socket, to be welcomed from scratch (a fresh snapshot). */
    BoardViewer afresh() {
        return new BoardViewer(connection, boardId, null, takesBatches, loop);
    }

    void miss(Object item) {
        if (stale) {
            return;
        }
        if (missed.size() >= DisplayFeed.MAX_REPLAY) {
            stale = true;
            missed.clear();
        } else {
            missed.add(item);
        }
    }
}
