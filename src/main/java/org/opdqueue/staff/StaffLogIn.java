package org.opdqueue.staff;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;

import org.opdqueue.common.HospitalClock;
import org.opdqueue.journal.Journal;
import org.opdqueue.journal.JournalEntryBuilder;
import org.opdqueue.journal.JournalEventType;

/**
 * Checks a user name and password (the log-in form and HTTP Basic alike): refused while locked after too many
 * failures, and as slow for an unknown user as for a known one (a bcrypt check against a made-up hash), so the
 * answer time does not tell which user names exist. Failures and locks are journaled.
 */
@ApplicationScoped
public class StaffLogIn {

    private static final Logger LOG = Logger.getLogger(StaffLogIn.class);

    private final StaffDirectory directory;
    private final Passwords passwords;
    private final LogInThrottle throttle;
    private final HospitalClock clock;
    private final Journal journal;
    private volatile String dummyHash;

    public StaffLogIn(StaffDirectory directory, Passwords passwords, LogInThrottle throttle, HospitalClock clock,
            Journal journal) {
        this.directory = directory;
        this.passwords = passwords;
        this.throttle = throttle;
        this.clock = clock;
        this.journal = journal;
    }

    /** The staff member, or {@link LogInLocked} / {@link AuthenticationFailedException}. */
    public StaffDirectory.Login check(String username, String password, String address) {
        Instant now = clock.now();
        Optional<Instant> locked = throttle.lockedUntil(username, address, now);
        if (locked.isPresent()) {
            throw new LogInLocked(locked.get(), now);
        }
        Optional<StaffDirectory.Login> user = directory.activeUser(username);
        if (user.isEmpty()) {
            passwords.matches(password, dummyHash()); // the same bcrypt work as for a real user, result unused
        } else if (passwords.matches(password, user.get().passwordHash())) {
            throttle.succeeded(username);
            return user.get();
        }
        LogInThrottle.Outcome outcome = throttle.failed(username, address, now);
        String who = printable(username);
        record(JournalEventType.STAFF_LOG_IN_FAILED, "failed log-in as '" + who + "' from " + address);
        if (outcome.lockStarted()) {
            record(JournalEventType.STAFF_LOG_IN_LOCKED, "log-in as '" + who + "' or from " + address + " locked until "
                    + outcome.lockedUntil().orElse(now));
        }
        throw new AuthenticationFailedException("Wrong user name or password");
    }

    private String dummyHash() {
        if (dummyHash == null) {
            dummyHash = passwords.hash(LogInThrottle.userKey(String.valueOf(System.nanoTime())) + Math.random());
        }
        return dummyHash;
    }

    /** Its own transaction: a refused log-in changes nothing else. Without the database, the log keeps it. */
    private void record(JournalEventType type, String detail) {
        try {
            QuarkusTransaction.requiringNew().run(() -> journal.append(type, JournalEntryBuilder.system().detail(detail)));
        } catch (RuntimeException e) {
            LOG.warnf("%s not journaled (%s): %s", type, e.getMessage(), detail);
        }
    }

    /** A user name as typed by anyone: at most 32 visible characters in the journal. */
    private static String printable(String username) {
        String name = username == null ? "" : username.replaceAll("\\p{C}", "?").strip();
        return name.length() > 32 ? name.substring(0, 32) + "…" : name;
    }
}
