package org.opdqueue.staff;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;

/**
 * Turns the login cookie of the form log-in back into a staff identity on each request. The role is
 * read afresh, so a changed role or a deactivated account counts from the next click, not the next log-in.
 */
@ApplicationScoped
public class StaffSessionProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final StaffDirectory directory;

    public StaffSessionProvider(StaffDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> directory.activeUser(request.getPrincipal())
                .map(StaffIdentityProvider::identityOf)
                .orElseThrow(() -> new AuthenticationFailedException("This account is no longer active")));
    }
}
