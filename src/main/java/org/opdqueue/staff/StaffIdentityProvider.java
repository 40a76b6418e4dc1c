package org.opdqueue.staff;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

import org.opdqueue.common.ProblemException;
import org.opdqueue.common.ProblemMappers;
import org.opdqueue.common.ProblemType;

/** Checks a user name and password sent with HTTP Basic (API clients, curl) through {@link StaffLogIn}. */
@ApplicationScoped
public class StaffIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final StaffLogIn logIn;

    public StaffIdentityProvider(StaffLogIn logIn) {
        this.logIn = logIn;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return context.runBlocking(() -> identityOf(logIn.check(request.getUsername(),
                new String(request.getPassword().getPassword()), clientAddress(request))));
    }

    static String clientAddress(AuthenticationRequest request) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        return routing == null ? "unknown" : clientAddress(routing);
    }

    /** The client's address as the server sees it (behind a proxy: as forwarded, when forwarding is configured). */
    public static String clientAddress(RoutingContext routing) {
        SocketAddress address = routing.request().remoteAddress();
        return address == null || address.hostAddress() == null ? "unknown" : address.hostAddress();
    }

    /**
     * A staff member who must change their password holds no role until they have: every role-checked page and call
     * refuses them, and the refusal says why (the page sends them to {@code /account/password}).
     */
    static SecurityIdentity identityOf(StaffDirectory.Login user) {
        return builderFor(user).build();
    }

    static QuarkusSecurityIdentity.Builder builderFor(StaffDirectory.Login user) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.username()));
        if (user.mustChangePassword()) {
            return identity.addAttribute(ProblemMappers.REFUSAL, new ProblemException(ProblemType.PASSWORD_CHANGE_REQUIRED,
                    "Change your password first, at " + PasswordRules.CHANGE_PAGE));
        }
        return identity.addRole(user.role().name());
    }
}
