package org.opdqueue.staff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import org.hibernate.JDBCException;

import org.opdqueue.common.Facility;
import org.opdqueue.common.Failures;
import org.opdqueue.common.ProblemException;
import org.opdqueue.common.ProblemType;
import org.opdqueue.common.QuickReads;
import org.opdqueue.status.SystemMode;

/**
 * Who may log in: this hospital's active staff, read on every authenticated request so that a deactivation
 * counts at once. While the database is away, staff who logged in before keep working from what was last
 * read about them: calling by number must go on in paper-token mode.
 */
@ApplicationScoped
public class StaffDirectory {

    /** What the security layer needs to know about a staff member; no managed entity leaves here. */
    public record Login(String username, Role role, String passwordHash, boolean mustChangePassword, int sessionGeneration) {
    }

    private final Facility facility;
    private final SystemMode mode;
    private final QuickReads reads;
    private final Map<String, Login> lastRead = new ConcurrentHashMap<>();

    public StaffDirectory(Facility facility, SystemMode mode, QuickReads reads) {
        this.facility = facility;
        this.mode = mode;
        this.reads = reads;
    }

    @ActivateRequestContext
    public Optional<Login> activeUser(String username) {
        if (username == null || username.isBlank() || username.length() > 32) {
            return Optional.empty();
        }
        String name = username.strip().toLowerCase();
        if (mode.degraded()) {
            return lastRead(name);
        }
        try {
            // One statement on a connection that goes back to the pool at once, not at the end of the request; waited
            // for a moment only: a database that stopped answering must not hold the request past its 3 s.
            Optional<Optional<Login>> answered = reads.withinRows(c -> read(c, name));
            if (answered.isEmpty()) {
                return lastRead(name);
            }
            Optional<Login> login = answered.get();
            login.ifPresentOrElse(l -> lastRead.put(name, l), () -> lastRead.remove(name));
            return login;
        } catch (RuntimeException e) {
            if (fromTheDatabase(e)) {
                return lastRead(name); // the database went away under this request; the probe will say so soon
            }
            throw e;
        }
    }

    private Optional<Login> lastRead(String name) {
        Login login = lastRead.get(name);
        if (login == null) {
            throw new ProblemException(ProblemType.DEGRADED,
                    "The database cannot be reached, and " + name + " has not logged in since the server started.");
        }
        return Optional.of(login);
    }

    private static boolean fromTheDatabase(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // a read whose commit failed as the database went: what it read is still what the database held
            if (t instanceof SQLException || t instanceof JDBCException || t instanceof jakarta.transaction.RollbackException) {
                return true;
            }
        }
        return Failures.classify(e) != ProblemType.INTERNAL;
    }

    /** Read on every staff request, so a plain row: no entity, no transaction (see QuickReads#withinRows). */
    private static final String ACTIVE_USER = """
            SELECT username, role, password_hash, must_change_password, session_generation FROM staff_user
            WHERE facility = ? AND username = ? AND active""";

    private Optional<Login> read(Connection c, String name) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(ACTIVE_USER)) {
            select.setString(1, facility.code());
            select.setString(2, name);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Login(row.getString(1), Role.valueOf(row.getString(2)), row.getString(3),
                        row.getBoolean(4), row.getInt(5))) : Optional.empty();
            }
        }
    }
}
