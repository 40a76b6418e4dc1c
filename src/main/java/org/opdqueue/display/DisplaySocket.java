package org.opdqueue.display;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;

/** {@code WS /ws/display/{boardId}[?since=seq]}: a snapshot (or the missed events), then every event live. */
@WebSocket(path = "/ws/display/{boardId}")
public class DisplaySocket {

    private final DisplayFeed feed;

    public DisplaySocket(DisplayFeed feed) {
        this.feed = feed;
    }

    /** The connection comes as a parameter: it is used later from the feed's own thread. */
    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        feed.join(connection, parse(connection.pathParam("boardId"), -1L), since(connection.handshakeRequest().query()));
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        feed.leave(connection);
    }

    private static Long since(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("since=")) {
                return parse(pair.substring("since=".length()), null);
            }
        }
        return null;
    }

    private static Long parse(String value, Long fallback) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
