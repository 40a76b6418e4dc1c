package org.opdqueue.display;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;

import org.opdqueue.common.OpdConfig;
import org.opdqueue.display.BoardConnections.Refusal;
import org.opdqueue.display.BoardConnections.Slot;

/**
 * Decides at the HTTP upgrade, before any socket exists, whether a board may connect: a page of this server (or
 * of an allowed origin), an enrolled board PC's key, and room under the caps. Everything here is in memory, so a
 * flood of refused upgrades costs the event loop little and never reaches the feed.
 */
@ApplicationScoped
public class BoardAdmission implements HttpUpgradeCheck {

    /** The board PC a socket was opened with; null in the demo's keyless boards. */
    static final UserData.TypedKey<String> DEVICE = new UserData.TypedKey<>("opd.board.device");
    static final UserData.TypedKey<Slot> SLOT = new UserData.TypedKey<>("opd.board.slot");

    /** The subprotocol a board asks for and the server names back (quarkus.websockets-next.server.supported-subprotocols). */
    public static final String BOARD_PROTOCOL = "opd-board";
    /** A second subprotocol carries the board PC's key, base64url-encoded (display-board/socket.js). */
    public static final String KEY_PROTOCOL = "opd-board-key.";

    private static final Map<String, List<String>> RETRY_LATER = Map.of("Retry-After", List.of("30"));

    private final BoardKeys keys;
    private final BoardConnections connections;
    private final boolean keyRequired;
    private final List<String> allowedOrigins;

    public BoardAdmission(BoardKeys keys, BoardConnections connections, OpdConfig config) {
        this.keys = keys;
        this.connections = connections;
        this.keyRequired = config.display().boardKeyRequired();
        this.allowedOrigins = config.display().allowedOrigins().orElse(List.of()).stream()
                .map(o -> o.strip().replaceAll("/$", "").toLowerCase()).toList();
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return DisplaySocket.ENDPOINT.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        HttpServerRequest request = context.httpRequest();
        String address = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        String origin = request.getHeader("Origin");
        if (origin != null && !allowedOrigins.contains(origin.toLowerCase()) && !sameOrigin(origin, request.authority())) {
            return refuse(Refusal.FOREIGN_ORIGIN, address, 403);
        }
        Optional<String> device = keys.deviceFor(offeredKey(request.getHeader("Sec-WebSocket-Protocol"), request.getParam("device")));
        if (keyRequired && device.isEmpty()) {
            return refuse(Refusal.NO_VALID_KEY, address, 401);
        }
        BoardConnections.Taken taken = connections.take(address);
        if (taken instanceof Refusal full) {
            connections.refused(full, address);
            return CheckResult.rejectUpgrade(429, RETRY_LATER);
        }
        context.userData().put(SLOT, (Slot) taken);
        device.ifPresent(code -> context.userData().put(DEVICE, code));
        return CheckResult.permitUpgrade();
    }

    /**
     * The board PC's key from the handshake's subprotocols, where no access log or proxy log writes it down; else
     * from {@code ?device=}, which boards of the release before this one send (to be dropped in the next release).
     */
    static String offeredKey(String protocols, String fromQuery) {
        if (protocols != null) {
            for (String offered : protocols.split(",")) {
                String protocol = offered.strip();
                if (protocol.startsWith(KEY_PROTOCOL)) {
                    try {
                        return new String(Base64.getUrlDecoder().decode(protocol.substring(KEY_PROTOCOL.length())),
                                StandardCharsets.UTF_8);
                    } catch (IllegalArgumentException e) {
                        return null;
                    }
                }
            }
        }
        return fromQuery;
    }

    private Uni<CheckResult> refuse(Refusal why, String address, int status) {
        connections.refused(why, address);
        return CheckResult.rejectUpgrade(status);
    }

    /**
     * Whether the page's origin is this server as the browser reached it. Browsers always send an Origin on a
     * WebSocket; a client that sends none is no browser page and is left to the key. The scheme is not compared:
     * behind a proxy that ends TLS the page is https and the request here is not.
     */
    static boolean sameOrigin(String origin, HostAndPort server) {
        if (server == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null) {
                return false;
            }
            int defaultPort = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            int originPort = uri.getPort() >= 0 ? uri.getPort() : defaultPort;
            int serverPort = server.port() >= 0 ? server.port() : defaultPort;
            return uri.getHost().equalsIgnoreCase(server.host()) && originPort == serverPort;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
