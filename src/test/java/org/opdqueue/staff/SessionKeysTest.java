package org.opdqueue.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;

/** Which key the server runs with in which profile, and that production will not start without one of its own. */
class SessionKeysTest {

    @Test
    void productionWithoutASessionKeyRefusesToStartAndSaysWhatToSet() {
        assertThat(keysFor("prod", Map.of())).isEmpty();
        SessionKeyCheck check = new SessionKeyCheck(Optional.empty());
        assertThatThrownBy(() -> check.onStart(null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Set QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY")
                .hasMessageContaining("openssl rand -base64 48");
    }

    @Test
    void aShortKeyIsRefusedToo() {
        assertThat(SessionKeys.problemWith(Optional.of("sixteen-chars-ab"))).hasValueSatisfying(
                problem -> assertThat(problem).contains("too short"));
        assertThat(SessionKeys.problemWith(Optional.of("   "))).isPresent();
        assertThat(SessionKeys.problemWith(Optional.of("k".repeat(32)))).isEmpty();
    }

    @Test
    void theDemoAndTheTestsMakeUpARandomKeyEachStart() {
        Map<String, String> demo = keysFor("demo", Map.of());
        Map<String, String> again = keysFor("demo", Map.of());
        assertThat(demo.get(SessionKeys.SESSION_KEY)).hasSizeGreaterThanOrEqualTo(SessionKeys.MIN_LENGTH)
                .isNotEqualTo(again.get(SessionKeys.SESSION_KEY));
        assertThat(keysFor("test", Map.of())).containsKey(SessionKeys.SESSION_KEY);
    }

    @Test
    void aConfiguredKeyIsKeptAndTheCsrfKeyIsDerivedFromItNotEqualToIt() {
        String key = "a-hospital's-own-key-of-forty-characters";
        Map<String, String> prod = keysFor("prod", Map.of(SessionKeys.SESSION_KEY, key));
        assertThat(prod).doesNotContainKey(SessionKeys.SESSION_KEY);
        assertThat(prod.get(SessionKeys.CSRF_KEY)).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(key)
                .isEqualTo(keysFor("prod", Map.of(SessionKeys.SESSION_KEY, key)).get(SessionKeys.CSRF_KEY));
        assertThat(keysFor("prod", Map.of(SessionKeys.SESSION_KEY, key, SessionKeys.CSRF_KEY, "own-csrf-key")))
                .doesNotContainKey(SessionKeys.CSRF_KEY);
    }

    private static Map<String, String> keysFor(String profile, Map<String, String> configured) {
        ConfigSourceContext context = new ConfigSourceContext() {
            @Override
            public ConfigValue getValue(String name) {
                return ConfigValue.builder().withName(name).withValue(configured.get(name)).build();
            }

            @Override
            public Iterator<String> iterateNames() {
                return configured.keySet().iterator();
            }

            @Override
            public List<String> getProfiles() {
                return List.of(profile);
            }
        };
        Map<String, String> provided = new HashMap<>();
        for (ConfigSource source : new SessionKeys().getConfigSources(context)) {
            provided.putAll(source.getProperties());
        }
        return Collections.unmodifiableMap(provided);
    }
}
