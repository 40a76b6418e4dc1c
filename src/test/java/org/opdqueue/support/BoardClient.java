package org.opdqueue.support;

import java.net.URI;
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

/** A display board as the server sees it: a WebSocket client that keeps every message it receives. */
public final class BoardClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final List<String> all = new ArrayList<>();
    private final WebSocket socket;

    private BoardClient(URI uri) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri, new Collector()).join();
    }

    /** Connects to {@code /ws/display/{boardId}}, optionally resuming after {@code since}. */
    public static BoardClient connect(URI httpBase, long boardId, Long since) {
        String ws = httpBase.toString().replaceFirst("^http", "ws").replaceAll("/$", "");
        return new BoardClient(URI.create(ws + "/ws/display/" + boardId + (since == null ? "" : "?since=" + since)));
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

    private final class Collector implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

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
