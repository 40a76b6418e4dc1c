package org.opdqueue.support;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A display board as the server sees it: a WebSocket client that keeps every message it receives. It connects as
 * the demo hospital's board PC for hall A does, with its key, unless told otherwise.
 */
public final class BoardClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final List<String> all = new ArrayList<>();
    private final java.util.concurrent.CompletableFuture<Integer> closed = new java.util.concurrent.CompletableFuture<>();
    private final WebSocket socket;

    /** The demo board PC's key ({@code DemoBoards}): the demo seed enrols it in every test database it seeds. */
    public static final String DEMO_KEY = "BOARDA.demo-board-a";

    private BoardClient(URI uri, String key) {
        this.socket = offeringKey(HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5)), key)
                .buildAsync(uri, new Collector()).join();
    }

    /** Connects to {@code /ws/display/{boardId}} with the demo board PC's key, optionally resuming after {@code since}. */
    public static BoardClient connect(URI httpBase, long boardId, Long since) {
        return connect(httpBase, boardId, since, DEMO_KEY);
    }

    /** Connects with this board PC key (none when null), offered as the board page offers it: as a subprotocol. */
    public static BoardClient connect(URI httpBase, long boardId, Long since, String key) {
        return new BoardClient(uri(httpBase, boardId, since), key);
    }

    /** Connects to this address (e.g. {@link #uri} with more in its query), offering this board PC key. */
    public static BoardClient connect(URI uri, String key) {
        return new BoardClient(uri, key);
    }

    /** The socket's address for a board, with {@code since} when given: no key in it. */
    public static URI uri(URI httpBase, long boardId, Long since) {
        return uriWithKeyInQuery(httpBase, boardId, since, null);
    }

    /** The address as boards of the release before sent it, the key in the query (still accepted for one release). */
    public static URI uriWithKeyInQuery(URI httpBase, long boardId, Long since, String key) {
        String ws = httpBase.toString().replaceFirst("^http", "ws").replaceAll("/$", "");
        StringBuilder query = new StringBuilder();
        if (since != null) {
            query.append("since=").append(since);
        }
        if (key != null) {
            query.append(query.isEmpty() ? "" : "&").append("device=").append(URLEncoder.encode(key, StandardCharsets.UTF_8));
        }
        return URI.create(ws + "/ws/display/" + boardId + (query.isEmpty() ? "" : "?" + query));
    }

    /**
     * The board PC's key offered as display-board/socket.js offers it: subprotocols {@code opd-board} and
     * {@code opd-board-key.<base64url key>}; the server must name {@code opd-board} back or the handshake fails.
     */
    public static WebSocket.Builder offeringKey(WebSocket.Builder builder, String key) {
        if (key == null) {
            return builder;
        }
        return builder.subprotocols("opd-board",
                "opd-board-key." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8)));
    }

    /** The subprotocol the server chose. */
    public String protocol() {
        return socket.getSubprotocol();
    }

    /** The next message, failing the test if none comes within the timeout. */
    public JsonNode next(Duration timeout) {
        JsonNode message = poll(timeout);
        if (message == null) {
            throw new AssertionError("no message from the board's WebSocket within " + timeout);
        }
        return message;
    }

    public JsonNode next() {
        return next(Duration.ofSeconds(5));
    }

    /** The next message, or null if none comes within the wait. */
    public JsonNode poll(Duration wait) {
        try {
            String text = received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            return text == null ? null : JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every message received so far, raw. */
    public synchronized List<String> everything() {
        return List.copyOf(all);
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        socket.abort();
    }

    /** The close code the server ended the socket with, waiting up to the given time; null if still open. */
    public Integer closedWith(Duration wait) {
        try {
            return closed.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private final class Collector implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }


        private final StringBuilder partial = new StringBuilder();
        private final java.io.ByteArrayOutputStream partialBytes = new java.io.ByteArrayOutputStream();

        /** A board that asks for batches ({@code batch=1}) gets its events as UTF-8 JSON in binary frames: kept as text. */
        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, java.nio.ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            partialBytes.writeBytes(bytes);
            if (last) {
                String text = partialBytes.toString(StandardCharsets.UTF_8);
                partialBytes.reset();
                synchronized (BoardClient.this) {
                    all.add(text);
                }
                received.add(text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                synchronized (BoardClient.this) {
                    all.add(text);
                }
                received.add(text);
            }
            webSocket.request(1);
            return null;
        }
    }
}
