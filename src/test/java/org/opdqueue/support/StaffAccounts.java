package org.opdqueue.support;

import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.staff.Passwords;
import org.opdqueue.staff.Role;
import org.opdqueue.staff.StaffUser;

/** Fresh staff accounts for tests that end sessions or lock log-ins, so the demo users stay untouched. */
@ApplicationScoped
public class StaffAccounts {

    public static final String PASSWORD = "a-test-password-2026";

    private final Facility facility;
    private final HospitalClock clock;
    private final Passwords passwords;

    public StaffAccounts(Facility facility, HospitalClock clock, Passwords passwords) {
        this.facility = facility;
        this.clock = clock;
        this.passwords = passwords;
    }

    /** A new active account with {@link #PASSWORD}; returns its user name. */
    @Transactional
    public String create(Role role) {
        StaffUser u = new StaffUser();
        u.facility = facility.code();
        u.username = "s" + ThreadLocalRandom.current().nextInt(100_000_000);
        u.fullName = "Test staff " + u.username;
        u.role = role;
        u.passwordHash = passwords.hash(PASSWORD);
        u.active = true;
        u.createdAt = clock.now();
        u.persist();
        return u.username;
    }

    @Transactional
    public StaffUser find(String username) {
        return StaffUser.findByUsername(facility.code(), username).orElseThrow();
    }
}
