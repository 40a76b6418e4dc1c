package org.opdqueue.staff;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

import org.opdqueue.support.SessionCookies;
import org.opdqueue.support.StaffSession;

/**
 * Issue 12, item 1: the log-in cookie's key was written to the log ("using temporary key …"), and with it anyone
 * reading the log made a cookie for admin. The server's own log is kept in a file here and read back.
 */
@QuarkusTest
@TestProfile(ForgedSessionCookieTest.LogToAFile.class)
class ForgedSessionCookieTest {

    static final Path LOG = Path.of("target", "forged-session-cookie-test.log");

    public static class LogToAFile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Files.deleteIfExists(LOG);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            // and as production sets them: cookies Secure even on a plain-HTTP request (TLS ended at a proxy)
            return Map.of("quarkus.log.file.enabled", "true", "quarkus.log.file.path", LOG.toString(),
                    "opd.tls.secure-cookies", "true", "quarkus.rest-csrf.cookie-force-secure", "true");
        }
    }

    @ConfigProperty(name = SessionKeys.SESSION_KEY)
    String sessionKey;

    @ConfigProperty(name = SessionKeys.CSRF_KEY)
    String csrfKey;

    @Test
    void theLogNeverContainsASessionKey() throws Exception {
        StaffSession admin = StaffSession.logIn("admin", "admin123");
        admin.request().accept("text/html").get("/admin/staff").then().statusCode(200);

        String log = Files.readString(LOG);
        assertThat(log).contains("opd-queue").doesNotContainIgnoringCase("temporary key")
                .doesNotContain(sessionKey).doesNotContain(csrfKey);
        assertThat(sessionKey).hasSizeGreaterThanOrEqualTo(SessionKeys.MIN_LENGTH).isNotEqualTo(csrfKey);
    }

    @Test
    void behindATlsProxyTheLogInAndCsrfCookiesAreStillSecure() {
        Response answer = StaffSession.logInAnswer("counter1", "counter123");
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().getValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith(StaffSession.CREDENTIAL_COOKIE + "=").containsIgnoringCase("; Secure")
                        .containsIgnoringCase("SameSite=Strict").containsIgnoringCase("HTTPOnly"))
                .allSatisfy(c -> assertThat(c).containsIgnoringCase("; Secure"));
        assertThat(given().get("/login").headers().getValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("csrf-token=").containsIgnoringCase("; Secure"));
    }

    @Test
    void aCookieForAdminMadeWithAnyOtherKeyIsRefused() {
        long now = Instant.now().toEpochMilli();
        for (String guess : new String[] { "0123456789abcdef0123456789abcdef", sessionKey + "x", "" }) {
            String forged = SessionCookies.forge(guess, "0:" + now + ":admin");
            given().redirects().follow(false).cookie(StaffSession.CREDENTIAL_COOKIE, forged).accept("text/html")
                    .get("/admin/staff").then().statusCode(302).header("Location", containsString("/login"));
            given().cookie(StaffSession.CREDENTIAL_COOKIE, forged).get("/api/admin/setup").then().statusCode(401);
        }
    }

    @Test
    void evenWithTheKeyACookieInTheOldFormatHoldingOnlyANameIsRefused() {
        String forged = SessionCookies.forge(sessionKey, "admin");
        given().redirects().follow(false).cookie(StaffSession.CREDENTIAL_COOKIE, forged).accept("text/html")
                .get("/admin/staff").then().statusCode(302).header("Location", containsString("/login"));
    }
}
