package org.opdqueue.display;

import java.util.concurrent.Executor;

import org.jboss.logging.Logger;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;

/**
 * {@code WS /ws/display/{boardId}[?since=seq]}, the board PC's key offered as a subprotocol: a snapshot (or the missed
 * events), then every event live. Who may connect is decided before the upgrade, by {@link BoardAdmission}.
 */
@WebSocket(path = "/ws/display/{boardId}", endpointId = DisplaySocket.ENDPOINT)
public class DisplaySocket {

    static final String ENDPOINT = "display-board";

    private static final Logger LOG = Logger.getLogger(DisplaySocket.class);

    private final DisplayFeed feed;
    private final BoardConnections connections;

    public DisplaySocket(DisplayFeed feed, BoardConnections connections) {
        this.feed = feed;
        this.connections = connections;
    }

    /** The connection comes as a parameter: it is used later from the feed's own thread. */
    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        connections.opened(connection.userData().get(BoardAdmission.SLOT));
        String query = connection.handshakeRequest().query();
        feed.join(connection, parse(connection.pathParam("boardId"), -1L), since(query), takesBatches(query), loop());
    }

    /**
     * The event loop that owns this socket, so the feed writes to all the boards of one loop in one task of it
     * (websockets-next sends only text it encodes and frames per call, and gives no access to the socket; its
     * callbacks run on the connection's Vert.x context, whose loop Vert.x's {@code ContextInternal} names).
     */
    private static Executor loop() {
        Context context = Vertx.currentContext();
        return context instanceof ContextInternal internal ? internal.nettyEventLoop() : null;
    }

    /**
     * {@code batch=1}: the board's page takes a JSON array of events as one frame, in UTF-8 as a binary frame
     * (display-board/socket.js).
     */
    static boolean takesBatches(String query) {
        if (query == null) {
            return false;
        }
        for (String pair : query.split("&")) {
            if (pair.equals("batch=1")) {
                return true;
            }
        }
        return false;
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        feed.leave(connection);
        connections.closed(connection.userData().get(BoardAdmission.SLOT));
    }

    /** A board that vanished mid-message is normal on a hall's network: counted, not logged with a stack each time. */
    @OnError
    public void onError(WebSocketConnection connection, Throwable failure) {
        LOG.debugf("Board socket %s failed: %s", connection.id(), failure);
        BoardConnections.Slot slot = connection.userData().get(BoardAdmission.SLOT);
        connections.refused(BoardConnections.Refusal.DROPPED, slot != null ? slot.address : "unknown");
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
