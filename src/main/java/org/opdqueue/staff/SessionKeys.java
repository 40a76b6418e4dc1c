package org.opdqueue.staff;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.PropertiesConfigSource;

/**
 * The keys that protect staff sessions: the log-in cookie's encryption key and the CSRF token's signing key. A
 * production server must be given the first ({@link SessionKeyCheck} refuses to start without it); the second is
 * derived from it unless set. The demo and the tests get a random key at each start, and nothing logs it (Quarkus
 * would log a temporary key of its own, with which anyone reading the log could forge an admin's cookie).
 * Lowest ordinal, so anything configured wins.
 */
public class SessionKeys implements ConfigSourceFactory {

    public static final String SESSION_KEY = "quarkus.http.auth.session.encryption-key";
    public static final String CSRF_KEY = "quarkus.rest-csrf.token-signature-key";
    public static final int MIN_LENGTH = 32;
    public static final String MISSING = "The staff log-in cookie needs a secret key. Set QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY "
            + "to " + MIN_LENGTH + "+ random characters (openssl rand -base64 48) and start again; keep it the same "
            + "across restarts and on every server of the hospital.";

    /** Profiles that are never a hospital's production: they may make up their own key. */
    private static final Set<String> THROW_AWAY_KEY_PROFILES = Set.of("demo", "test", "dev");

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        Map<String, String> keys = new HashMap<>();
        String sessionKey = context.getValue(SESSION_KEY).getValue();
        if (sessionKey == null && context.getProfiles().stream().anyMatch(THROW_AWAY_KEY_PROFILES::contains)) {
            sessionKey = randomKey();
            keys.put(SESSION_KEY, sessionKey);
        }
        if (sessionKey != null && context.getValue(CSRF_KEY).getValue() == null) {
            keys.put(CSRF_KEY, derive(sessionKey, "opd csrf token signature"));
        }
        return List.of(new PropertiesConfigSource(keys, "opd-session-keys", 50));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(50);
    }

    /** What is wrong with the configured session key, as the refusal to start says it; empty when it will do. */
    public static Optional<String> problemWith(Optional<String> sessionKey) {
        if (sessionKey.isEmpty() || sessionKey.get().isBlank()) {
            return Optional.of(MISSING);
        }
        if (sessionKey.get().length() < MIN_LENGTH) {
            return Optional.of("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY is too short (" + sessionKey.get().length()
                    + " characters): give it " + MIN_LENGTH + " or more random characters (openssl rand -base64 48).");
        }
        return Optional.empty();
    }

    static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    /** A second key from the first, so the cookie cipher and the CSRF signature never share one. */
    static String derive(String key, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
