package org.opdqueue.staff;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

import org.opdqueue.common.ProblemException;
import org.opdqueue.common.ProblemMappers;
import org.opdqueue.common.ProblemType;

/** Checks a user name and password, from the login form or from HTTP Basic, against the staff table. */
@ApplicationScoped
public class StaffIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final StaffDirectory directory;
    private final Passwords passwords;

    public StaffIdentityProvider(StaffDirectory directory, Passwords passwords) {
        this.directory = directory;
        this.passwords = passwords;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            String password = new String(request.getPassword().getPassword());
            return directory.activeUser(request.getUsername())
                    .filter(user -> passwords.matches(password, user.passwordHash()))
                    .map(StaffIdentityProvider::identityOf)
                    .orElseThrow(() -> new AuthenticationFailedException("Wrong user name or password"));
        });
    }

    /**
     * A staff member who must change their password holds no role until they have: every role-checked page and call
     * refuses them, and the refusal says why (the page sends them to {@code /account/password}).
     */
    static SecurityIdentity identityOf(StaffDirectory.Login user) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.username()));
        if (user.mustChangePassword()) {
            return identity.addAttribute(ProblemMappers.REFUSAL, new ProblemException(ProblemType.PASSWORD_CHANGE_REQUIRED,
                    "Change your password first, at " + PasswordRules.CHANGE_PAGE)).build();
        }
        return identity.addRole(user.role().name()).build();
    }
}
