package org.opdqueue.abdm;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;

import org.opdqueue.common.HospitalClock;
import org.opdqueue.common.ProblemException;
import org.opdqueue.common.ProblemType;

/**
 * Checks the gateway's JWT on a share ({@code Authorization: Bearer <jwt>}): signed RS256 or RS512 by a key the
 * gateway publishes as a JSON Web Key Set, not expired. Without this check anyone who knows the bridge URL could put
 * made-up patients into a queue. Plain JDK crypto (no JWT library: the project has none, and two algorithms and
 * three claims are all this needs).
 *
 * <p>Keys are cached for an hour and fetched again at once when a token names a key id we do not have (the gateway
 * rotated its keys), but at most every ten seconds, so tokens with made-up key ids cannot make us hammer the gateway.
 */
@ApplicationScoped
public class GatewayKeys {

    private static final Logger LOG = Logger.getLogger(GatewayKeys.class);
    private static final Duration KEEP_KEYS = Duration.ofHours(1);
    private static final Duration REFETCH_AT_MOST_EVERY = Duration.ofSeconds(10);
    private static final Map<String, String> ALGORITHMS = Map.of("RS256", "SHA256withRSA", "RS512", "SHA512withRSA");

    private final HospitalClock clock;
    private final ObjectMapper json;
    private final AbdmConfig config;
    private final HttpClient http;

    private record Cached(String url, Map<String, PublicKey> keys, Instant fetchedAt) {
    }

    private volatile Cached cached = new Cached("", Map.of(), Instant.EPOCH);

    public GatewayKeys(HospitalClock clock, ObjectMapper json, AbdmConfig config) {
        this.clock = clock;
        this.json = json;
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.callTimeout()).build();
    }

    /** The token's claims when the gateway signed it and it is in date; else a 401 problem saying why. */
    public JsonNode verify(String authorization, String keysUrl) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw refused("the gateway's JWT is missing (Authorization: Bearer <token>)");
        }
        String[] parts = authorization.substring(7).strip().split("\\.", -1);
        if (parts.length != 3) {
            throw refused("the Authorization token is not a JWT");
        }
        JsonNode header = decode(parts[0]);
        JsonNode claims = decode(parts[1]);
        String algorithm = ALGORITHMS.get(header.path("alg").asText());
        if (algorithm == null) {
            throw refused("the JWT's algorithm must be RS256 or RS512");
        }
        PublicKey key = key(header.path("kid").asText(""), keysUrl);
        if (!signed(algorithm, key, parts)) {
            throw refused("the JWT's signature does not match the gateway's keys");
        }
        Instant now = clock.now();
        if (!claims.path("exp").isNumber()) {
            throw refused("the JWT has no expiry");
        }
        if (Instant.ofEpochSecond(claims.path("exp").asLong()).plus(config.clockSkew()).isBefore(now)) {
            throw refused("the JWT has expired");
        }
        if (claims.path("nbf").isNumber() && Instant.ofEpochSecond(claims.path("nbf").asLong()).minus(config.clockSkew()).isAfter(now)) {
            throw refused("the JWT is not valid yet");
        }
        return claims;
    }

    private PublicKey key(String kid, String keysUrl) {
        Cached now = cached;
        Instant at = clock.now();
        boolean stale = !now.url().equals(keysUrl) || now.fetchedAt().plus(KEEP_KEYS).isBefore(at);
        boolean unknown = !now.keys().containsKey(kid) && now.fetchedAt().plus(REFETCH_AT_MOST_EVERY).isBefore(at);
        if (stale || unknown) {
            now = fetch(keysUrl, at);
        }
        PublicKey key = now.keys().get(kid);
        if (key == null && kid.isEmpty() && now.keys().size() == 1) {
            key = now.keys().values().iterator().next(); // a token without kid, and the gateway publishes one key
        }
        if (key == null) {
            throw refused("the JWT names a key the gateway does not publish");
        }
        return key;
    }

    private synchronized Cached fetch(String keysUrl, Instant at) {
        if (cached.url().equals(keysUrl) && !cached.fetchedAt().isBefore(at.minusSeconds(1))) {
            return cached; // another request just fetched them
        }
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(keysUrl)).timeout(config.callTimeout())
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                throw new IllegalStateException("answered " + answer.statusCode());
            }
            Map<String, PublicKey> keys = new HashMap<>();
            AbdmWire.KeySet set = json.readValue(answer.body(), AbdmWire.KeySet.class);
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            for (AbdmWire.Key k : set.keys() == null ? java.util.List.<AbdmWire.Key>of() : set.keys()) {
                if ("RSA".equals(k.kty()) && k.n() != null && k.e() != null) {
                    keys.put(k.kid() == null ? "" : k.kid(), rsa.generatePublic(new RSAPublicKeySpec(
                            new BigInteger(1, Base64.getUrlDecoder().decode(k.n())),
                            new BigInteger(1, Base64.getUrlDecoder().decode(k.e())))));
                }
            }
            cached = new Cached(keysUrl, Map.copyOf(keys), at);
            return cached;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(keysUrl, e);
        } catch (Exception e) {
            throw unreachable(keysUrl, e);
        }
    }

    private ProblemException unreachable(String keysUrl, Exception e) {
        LOG.warnf("ABDM gateway keys at %s could not be read: %s", keysUrl, e.getMessage());
        // keep what we had for its known key ids; a new key id is tried again after REFETCH_AT_MOST_EVERY
        cached = new Cached(cached.url(), cached.keys(), clock.now());
        return new ProblemException(ProblemType.GATEWAY_UNREACHABLE,
                "the gateway's public keys could not be read, so its signature cannot be checked; send again later");
    }

    private static boolean signed(String algorithm, PublicKey key, String[] parts) {
        try {
            Signature s = Signature.getInstance(algorithm);
            s.initVerify(key);
            s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return s.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private JsonNode decode(String part) {
        try {
            JsonNode node = json.readTree(Base64.getUrlDecoder().decode(part));
            if (node == null || !node.isObject()) {
                throw refused("the Authorization token is not a JWT");
            }
            return node;
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw refused("the Authorization token is not a JWT");
        }
    }

    private static ProblemException refused(String why) {
        return new ProblemException(ProblemType.UNAUTHENTICATED, "ABDM gateway not recognised: " + why);
    }
}
