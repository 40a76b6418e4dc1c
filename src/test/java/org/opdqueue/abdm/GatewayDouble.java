package org.opdqueue.abdm;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for the ABDM gateway, speaking the published v3 contract: its public key as a JWKS at
 * {@code /api/hiecm/gateway/v3/certs}, sessions at {@code /api/hiecm/gateway/v3/sessions} (for the client id and
 * secret it was made with), and on-share callbacks at {@code /api/hiecm/patient-share/v3/on-share}, which it records
 * (and answers 500 to as many times as a test asks first). It signs the JWTs a share carries with its RSA key.
 */
final class GatewayDouble implements AutoCloseable {

    static final String CLIENT_ID = "SBX_TEST_HOSPITAL";
    static final String CLIENT_SECRET = "not-a-real-secret-7f3a";
    static final String KID = "gateway-key-1";

    /** One on-share as it arrived: its headers and body. */
    record OnShare(Map<String, List<String>> headers, JsonNode body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        String answers() {
            return body.path("response").path("requestId").asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final KeyPair key;
    final List<OnShare> onShares = new CopyOnWriteArrayList<>();
    final AtomicInteger sessionsIssued = new AtomicInteger();
    final AtomicInteger failedOnShares = new AtomicInteger();
    final AtomicInteger keyFetches = new AtomicInteger();
    private final Map<String, AtomicInteger> failNext = new java.util.concurrent.ConcurrentHashMap<>();

    GatewayDouble() throws IOException, GeneralSecurityException {
        key = rsaKey();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(AbdmWire.CERTS_PATH, this::certs);
        server.createContext(AbdmWire.SESSIONS_PATH, this::sessions);
        server.createContext(AbdmWire.ON_SHARE_PATH, this::onShare);
        server.start();
    }

    static KeyPair rsaKey() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next {@code n} on-share calls answering this share are answered 500. */
    void failNextOnShares(String shareRequestId, int n) {
        failNext.put(shareRequestId, new AtomicInteger(n));
    }

    /** A JWT as the gateway signs it, valid for five more minutes. */
    String jwt() {
        return jwt(key, Instant.now().plusSeconds(300));
    }

    String expiredJwt() {
        return jwt(key, Instant.now().minusSeconds(600));
    }

    static String jwt(KeyPair signer, Instant expires) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString(("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + KID + "\"}").getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"iss\":\"https://dev.abdm.gov.in/gateway\",\"clientId\":\"gateway\",\"exp\":"
                + expires.getEpochSecond() + ",\"iat\":" + Instant.now().getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8));
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(signer.getPrivate());
            s.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "." + b64.encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void certs(HttpExchange x) throws IOException {
        keyFetches.incrementAndGet();
        RSAPublicKey pub = (RSAPublicKey) key.getPublic();
        answer(x, 200, "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"" + KID + "\",\"alg\":\"RS256\",\"use\":\"sig\",\"n\":\""
                + unsigned(pub.getModulus()) + "\",\"e\":\"" + unsigned(pub.getPublicExponent()) + "\"}]}");
    }

    private void sessions(HttpExchange x) throws IOException {
        JsonNode body = JSON.readTree(read(x.getRequestBody()));
        if (!CLIENT_ID.equals(body.path("clientId").asText()) || !CLIENT_SECRET.equals(body.path("clientSecret").asText())
                || !"client_credentials".equals(body.path("grantType").asText())) {
            answer(x, 401, "{\"code\":\"ABDM-1017\",\"message\":\"Invalid client credentials\"}");
            return;
        }
        int n = sessionsIssued.incrementAndGet();
        answer(x, 200, "{\"accessToken\":\"session-" + n + "\",\"expiresIn\":1200,\"refreshExpiresIn\":1800,"
                + "\"refreshToken\":\"r\",\"tokenType\":\"bearer\"}");
    }

    private void onShare(HttpExchange x) throws IOException {
        JsonNode body = JSON.readTree(read(x.getRequestBody()));
        String auth = x.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer session-")) {
            answer(x, 401, "{\"code\":\"ABDM-1002\",\"message\":\"Unauthorized\"}");
            return;
        }
        AtomicInteger failures = failNext.get(body.path("response").path("requestId").asText());
        if (failures != null && failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            failedOnShares.incrementAndGet();
            answer(x, 500, "{\"code\":\"ABDM-9999\",\"message\":\"Unknown exception\"}");
            return;
        }
        onShares.add(new OnShare(Map.copyOf(x.getRequestHeaders()), body));
        x.sendResponseHeaders(202, -1);
        x.close();
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void answer(HttpExchange x, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    private static String unsigned(BigInteger n) {
        byte[] bytes = n.toByteArray();
        if (bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
