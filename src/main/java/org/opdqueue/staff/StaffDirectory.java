package org.opdqueue.staff;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.opdqueue.common.Facility;
import org.opdqueue.common.Failures;
import org.opdqueue.status.SystemMode;

/**
 * Who may log in: this hospital's active staff, read on every authenticated request so that a deactivation
 * counts at once. While the database is away, staff who logged in before keep working from what was last
 * read about them: calling by number must go on in paper-token mode.
 */
@ApplicationScoped
public class StaffDirectory {

    /** What the security layer needs to know about a staff member; no managed entity leaves here. */
    public record Login(String username, Role role, String passwordHash) {
    }

    private final Facility facility;
    private final SystemMode mode;
    private final Map<String, Login> lastRead = new ConcurrentHashMap<>();

    public StaffDirectory(Facility facility, SystemMode mode) {
        this.facility = facility;
        this.mode = mode;
    }

    @ActivateRequestContext
    public Optional<Login> activeUser(String username) {
        if (username == null || username.isBlank() || username.length() > 32) {
            return Optional.empty();
        }
        String name = username.strip().toLowerCase();
        if (mode.degraded()) {
            return Optional.ofNullable(lastRead.get(name));
        }
        try {
            // Its own short transaction, so the connection goes back to the pool at once, not at the end of the request.
            Optional<Login> login = QuarkusTransaction.joiningExisting().call(() -> read(name));
            login.ifPresentOrElse(l -> lastRead.put(name, l), () -> lastRead.remove(name));
            return login;
        } catch (RuntimeException e) {
            if (Failures.isUnreachable(e)) {
                return Optional.ofNullable(lastRead.get(name));
            }
            throw e;
        }
    }

    private Optional<Login> read(String name) {
        return StaffUser.findByUsername(facility.code(), name)
                .filter(u -> u.active)
                .map(u -> new Login(u.username, u.role, u.passwordHash));
    }
}
