package org.opdqueue.display;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.websockets.next.CloseReason;

/**
 * Writes to the boards' sockets without waiting: a board that does not take a message is the hall's network, logged
 * at debug and left to reconnect, never an error of the feed.
 */
@ApplicationScoped
class BoardSockets {

    private static final Logger LOG = Logger.getLogger(BoardSockets.class);

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
