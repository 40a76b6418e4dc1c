package org.opdqueue.display;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.websockets.next.CloseReason;
import io.vertx.core.buffer.Buffer;

/**
 * Writes to the boards' sockets without waiting: a board that does not take a message is the hall's network, logged
 * at debug and left to reconnect, never an error of the feed.
 */
@ApplicationScoped
class BoardSockets {

    private static final Logger LOG = Logger.getLogger(BoardSockets.class);

    /** How long the feed waits for the event loops to write a batch before it goes on regardless. */
    static final long BATCH_WRITTEN_WITHIN_MILLIS = 1000;

    /**
     * One frame for one board: text, or the same bytes shared by every board of a scope (UTF-8 JSON in a binary
     * frame: websockets-next takes text only as a String, which it encodes again for each socket).
     */
    record Outgoing(BoardViewer viewer, String text, Buffer bytes) {

        Outgoing(BoardViewer viewer, String text) {
            this(viewer, text, null);
        }

        Outgoing(BoardViewer viewer, Buffer bytes) {
            this(viewer, null, bytes);
        }
    }

    private final ObjectMapper json;

    BoardSockets(ObjectMapper json) {
        this.json = json;
    }

    /** Written once, the same text can go to a thousand boards. */
    String write(Object message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Hands the frames to the boards' event loops, one task per loop that writes all of that loop's frames (a
     * thousand boards are a handful of tasks, not a thousand), and returns once each loop has written them into its
     * sockets, or after {@link #BATCH_WRITTEN_WITHIN_MILLIS}. Frames of one board keep their order.
     */
    void sendEach(List<Outgoing> outgoing) {
        Map<Executor, List<Outgoing>> byLoop = new IdentityHashMap<>();
        for (Outgoing o : outgoing) {
            Executor loop = o.viewer().loop;
            if (loop == null) {
                send(o); // Vert.x hands the write to the socket's own loop
            } else {
                byLoop.computeIfAbsent(loop, l -> new ArrayList<>()).add(o);
            }
        }
        CountDownLatch written = new CountDownLatch(byLoop.size());
        byLoop.forEach((loop, frames) -> {
            try {
                loop.execute(() -> {
                    try {
                        frames.forEach(this::send);
                    } finally {
                        written.countDown();
                    }
                });
            } catch (RuntimeException e) { // the loop is shutting down
                LOG.debugf("Board frames not handed to their event loop: %s", e);
                written.countDown();
            }
        });
        try {
            if (!written.await(BATCH_WRITTEN_WITHIN_MILLIS, TimeUnit.MILLISECONDS)) {
                LOG.debugf("The boards' event loops took over %d ms to write a batch", BATCH_WRITTEN_WITHIN_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(Outgoing o) {
        if (o.bytes() == null) {
            send(o.viewer(), o.text());
            return;
        }
        o.viewer().connection.sendBinary(o.bytes()).subscribe().with(ok -> {
        }, failure -> LOG.debugf("Board %d did not take a message: %s", o.viewer().boardId, failure));
    }

    void send(BoardViewer v, String text) {
        v.connection.sendText(text).subscribe().with(ok -> {
        }, failure -> LOG.debugf("Board %d did not take a message: %s", v.boardId, failure));
    }

    /** A board that does not take its welcome is closed: it connects again and is welcomed afresh. */
    void sendWelcome(BoardViewer v, List<String> texts) {
        texts.forEach(text -> v.connection.sendText(text).subscribe().with(ok -> {
        }, failure -> {
            LOG.debugf("Board %d did not take its welcome: %s", v.boardId, failure);
            v.connection.close(new CloseReason(1011, "welcome not delivered")).subscribe().with(ok -> {
            }, closing -> {
            });
        }));
    }

    /** Tells the board why, then closes it ({@code code} 4404: it does not exist or is switched off). */
    void refuse(BoardViewer v, int code, String detail) {
        v.connection.sendText(write(Map.of("type", "error", "detail", detail)))
                .chain(() -> v.connection.close(new CloseReason(code, detail)))
                .subscribe().with(ok -> {
                }, failure -> {
                });
    }
}
