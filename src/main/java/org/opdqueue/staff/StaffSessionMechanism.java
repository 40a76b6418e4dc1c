package org.opdqueue.staff;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * The staff pages' log-in: a request with the log-in cookie is its staff member ({@link StaffSessionProvider} checks
 * the claim); a page visit without one is sent to {@code /login} and back afterwards. The log-in itself is
 * {@link LoginPage#logIn}, a form with a CSRF token. Named "form", the scheme the staff pages' permissions ask for.
 */
@ApplicationScoped
public class StaffSessionMechanism implements HttpAuthenticationMechanism {

    private final StaffSessions sessions;

    public StaffSessionMechanism(StaffSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        return sessions.restore(context).map(restored -> identities
                .authenticate(HttpSecurityUtils.setRoutingContextAttribute(new TrustedAuthenticationRequest(restored.claim()),
                        context))
                .invoke(identity -> sessions.renew(identity, restored, context)))
                .orElseGet(() -> Uni.createFrom().nullItem());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        String path = context.request().uri();
        if (path != null && path.startsWith("/") && !path.startsWith("//")) {
            sessions.rememberPageBeforeLogIn(path, context);
        }
        return Uni.createFrom().item(new ChallengeData(302, "Location", "/login"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TrustedAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.COOKIE,
                StaffSessions.COOKIE, "form"));
    }
}
