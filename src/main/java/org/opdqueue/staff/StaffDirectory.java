package org.opdqueue.staff;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;

import org.opdqueue.common.Facility;

/** Who may log in: this hospital's active staff. Read on every authenticated request, so deactivation takes effect at once. */
@ApplicationScoped
public class StaffDirectory {

    /** What the security layer needs to know about a staff member; no managed entity leaves here. */
    public record Login(String username, Role role, String passwordHash) {
    }

    private final Facility facility;

    public StaffDirectory(Facility facility) {
        this.facility = facility;
    }

    /** In a transaction, so the connection goes back to the pool at once, not at the end of the request. */
    @ActivateRequestContext
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<Login> activeUser(String username) {
        if (username == null || username.isBlank() || username.length() > 32) {
            return Optional.empty();
        }
        return StaffUser.findByUsername(facility.code(), username.strip().toLowerCase())
                .filter(u -> u.active)
                .map(u -> new Login(u.username, u.role, u.passwordHash));
    }
}
