package org.opdqueue.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;

import org.opdqueue.common.Facility;
import org.opdqueue.staff.Role;

/** What every page's layout shows: the hospital, and who is logged in ({@code inject:page} in templates). */
@Named("page")
@RequestScoped
public class PageContext {

    private final Facility facility;
    private final SecurityIdentity identity;

    public PageContext(Facility facility, SecurityIdentity identity) {
        this.facility = facility;
        this.identity = identity;
    }

    public String getHospital() {
        return facility.name();
    }

    public boolean isLoggedIn() {
        try {
            return !identity.isAnonymous();
        } catch (AuthenticationFailedException e) {
            return false; // a wrong or broken credential on an open page (log-in, a patient's status): shown logged out
        }
    }

    public String getUser() {
        return isLoggedIn() ? identity.getPrincipal().getName() : "";
    }

    public boolean isAdmin() {
        return isLoggedIn() && identity.hasRole(Role.ADMIN_ROLE);
    }

    public boolean isRegistrar() {
        return isLoggedIn() && (identity.hasRole(Role.ADMIN_ROLE) || identity.hasRole(Role.REGISTRAR_ROLE));
    }

    public String getRole() {
        return isLoggedIn() ? identity.getRoles().stream().findFirst().orElse("") : "";
    }
}
