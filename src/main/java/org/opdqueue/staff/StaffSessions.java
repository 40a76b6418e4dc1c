package org.opdqueue.staff;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.PersistentLoginManager;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

import org.opdqueue.common.OpdConfig;

/**
 * The staff log-in cookie: Quarkus' encrypted, authenticated persistent-login cookie (AES-GCM with the session key),
 * holding a {@link SessionClaim} instead of a bare user name, so the server can end a session (log-out, new password,
 * new role, deactivation) and cap its age. Quarkus' own form mechanism is switched off: it writes only the name.
 */
@ApplicationScoped
public class StaffSessions {

    public static final String COOKIE = "quarkus-credential";

    /** Where a visitor sent to the log-in page was going; only ever a path on this server. */
    public static final String AFTER_LOG_IN_COOKIE = "opd-after-log-in";

    private final PersistentLoginManager cookies;
    private final boolean alwaysSecure;

    public StaffSessions(@ConfigProperty(name = SessionKeys.SESSION_KEY) Optional<String> key, OpdConfig config) {
        // SessionKeyCheck refuses to start without a key where one must be set; the demo and tests get a random one.
        this.cookies = new PersistentLoginManager(key.orElseThrow(() -> new IllegalStateException(SessionKeys.MISSING)),
                COOKIE, config.session().idleTimeout().toMillis(), 60_000, true, "STRICT", "/", -1, null);
        this.alwaysSecure = config.tls().secureCookies();
    }

    /** After a successful log-in (or a password change, which starts a new generation): the cookie for it. */
    public void start(String username, int generation, Instant now, RoutingContext context) {
        cookies.save(new SessionClaim(username, generation, now).encode(), context, COOKIE, null, secure(context));
    }

    /** The claim the request's cookie holds, if it is one this server wrote and its idle time has not run out. */
    public Optional<Restored> restore(RoutingContext context) {
        PersistentLoginManager.RestoreResult result = cookies.restore(context);
        return result == null ? Optional.empty() : Optional.of(new Restored(result.getPrincipal(), result));
    }

    /** A session in use gets a fresh idle timeout now and then; the claim (generation, log-in time) stays. */
    public void renew(SecurityIdentity identity, Restored restored, RoutingContext context) {
        if (identity.getAttribute(SessionClaim.ATTRIBUTE) instanceof SessionClaim claim) {
            cookies.save(claim.encode(), context, COOKIE, restored.result(), secure(context));
        }
    }

    public void end(RoutingContext context) {
        Cookie gone = Cookie.cookie(COOKIE, "").setPath("/").setMaxAge(0).setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT).setSecure(secure(context));
        context.response().addCookie(gone);
    }

    /** Where the visitor was going before the log-in page, kept by {@link StaffSessionMechanism#getChallenge}. */
    public void rememberPageBeforeLogIn(String path, RoutingContext context) {
        context.response().addCookie(Cookie.cookie(AFTER_LOG_IN_COOKIE, URLEncoder.encode(path, StandardCharsets.UTF_8))
                .setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT).setSecure(secure(context)));
    }

    /** With the same attributes it was set with: a browser lets no plain cookie replace a Secure one. */
    public void forgetPageBeforeLogIn(RoutingContext context) {
        context.response().addCookie(Cookie.cookie(AFTER_LOG_IN_COOKIE, "").setPath("/").setMaxAge(0).setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT).setSecure(secure(context)));
    }

    public boolean secure(RoutingContext context) {
        return alwaysSecure || context.request().isSSL();
    }

    public record Restored(String claim, PersistentLoginManager.RestoreResult result) {
    }
}
