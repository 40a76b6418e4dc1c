package org.opdqueue.staff;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;

import org.opdqueue.common.OpdConfig;

/**
 * Turns the log-in cookie's claim back into a staff identity on each request. The user is read afresh, so a changed
 * role or a deactivated account counts from the next click; a claim of an ended session generation, or older than
 * the absolute lifetime, is refused (the browser is sent to log in again).
 */
@ApplicationScoped
public class StaffSessionProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final StaffDirectory directory;
    private final Duration absoluteLifetime;

    public StaffSessionProvider(StaffDirectory directory, OpdConfig config) {
        this.directory = directory;
        this.absoluteLifetime = config.session().absoluteLifetime();
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            SessionClaim claim = SessionClaim.decode(request.getPrincipal())
                    .orElseThrow(() -> new AuthenticationFailedException("Log in again"));
            // the real time, as for the cookie's idle timeout: a session's age is not the hospital's business day
            StaffDirectory.Login user = directory.activeUser(claim.username())
                    .filter(u -> claim.current(u.sessionGeneration(), Instant.now(), absoluteLifetime))
                    .orElseThrow(() -> new AuthenticationFailedException("This session has ended: log in again"));
            return StaffIdentityProvider.builderFor(user).addAttribute(SessionClaim.ATTRIBUTE, claim).build();
        });
    }
}
