package org.opdqueue.staff;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

import org.opdqueue.common.Facility;

/**
 * The staff log-in form and log-out. The form carries a CSRF token like every other form (so no other site can log a
 * browser in as someone else), and log-in is locked after too many failures ({@link StaffLogIn}).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Transactional(Transactional.TxType.NEVER)
public class LoginPage {

    private static final Logger LOG = Logger.getLogger(LoginPage.class);

    /** Where a staff member lands after logging in when no page sent them to log in. */
    static final String LANDING_PAGE = "/console";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean failed, long lockedMinutes);
    }

    private final SecurityIdentity identity;
    private final StaffLogIn logIn;
    private final StaffSessions sessions;
    private final Facility facility;

    public LoginPage(SecurityIdentity identity, StaffLogIn logIn, StaffSessions sessions, Facility facility) {
        this.identity = identity;
        this.logIn = logIn;
        this.sessions = sessions;
        this.facility = facility;
    }

    @GET
    @Path("login")
    @Operation(hidden = true)
    public TemplateInstance login(@QueryParam("error") boolean failed) {
        return Templates.login(failed, 0);
    }

    @POST
    @Path("j_security_check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response logIn(@RestForm("j_username") String username, @RestForm("j_password") String password,
            @CookieParam(StaffSessions.AFTER_LOG_IN_COOKIE) String after, RoutingContext routing) {
        StaffDirectory.Login user;
        try {
            user = logIn.check(username, password == null ? "" : password, StaffIdentityProvider.clientAddress(routing));
        } catch (LogInLocked locked) {
            return Response.status(429).header(HttpHeaders.RETRY_AFTER, locked.retryAfterSeconds())
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.login(false, locked.minutes())).build();
        } catch (AuthenticationFailedException wrong) {
            return Response.status(302).location(URI.create("/login?error=true")).build();
        }
        sessions.start(user.username(), user.sessionGeneration(), Instant.now(), routing);
        if (after != null) {
            sessions.forgetPageBeforeLogIn(routing);
        }
        return Response.status(302).location(URI.create(landingAfter(after))).build();
    }

    /** Ends this staff member's sessions everywhere (a shared counter PC, a forgotten tab at home), not only this one. */
    @POST
    @Path("logout")
    @Operation(hidden = true)
    public Response logout(RoutingContext routing) {
        if (!identity.isAnonymous()) {
            String username = identity.getPrincipal().getName();
            try {
                QuarkusTransaction.requiringNew().run(() -> StaffUser.findByUsername(facility.code(), username)
                        .ifPresent(StaffUser::endSessions));
            } catch (RuntimeException e) {
                // without the database only this browser's cookie goes; the other sessions end with their idle time
                LOG.warnf("Sessions of %s not ended everywhere: %s", username, e.getMessage());
            }
        }
        sessions.end(routing);
        return Response.seeOther(URI.create("/login")).build();
    }

    /** Only a path on this server: never another site (an open redirect). */
    static String landingAfter(String after) {
        String path = after == null ? "" : URLDecoder.decode(after, StandardCharsets.UTF_8);
        boolean local = path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\")
                && path.chars().noneMatch(c -> c < 0x20);
        return local && !path.startsWith("/j_security_check") && !path.startsWith("/login") ? path : LANDING_PAGE;
    }
}
