package org.opdqueue.staff;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opdqueue.common.OpdConfig;

/**
 * Counts failed log-ins per user name and per client address; after too many within the lock time, log-in there is
 * refused until it has passed, right password or not. Memory only and bounded: an attacker can send millions of
 * names, and the oldest entries then make room (the address they come from is still counted). A hand-written map,
 * not a rate-limiting library: this is a failure counter with a lock, not a request rate, and needs no dependency.
 */
@ApplicationScoped
public class LogInThrottle {

    static final int TRACKED = 10_000;

    private record Failures(int count, Instant since, Instant lockedUntil) {
    }

    /** What a failed log-in did: started a lock (journaled once), or not. */
    public record Outcome(Optional<Instant> lockedUntil, boolean lockStarted) {
    }

    private final int userLimit;
    private final int addressLimit;
    private final Duration lockFor;
    private final Map<String, Failures> failures = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > TRACKED;
        }
    };

    @Inject
    public LogInThrottle(OpdConfig config) {
        this(config.session().failuresBeforeLock(), config.session().addressFailuresBeforeLock(), config.session().lockFor());
    }

    LogInThrottle(int limit, Duration lockFor) {
        this(limit, limit, lockFor);
    }

    LogInThrottle(int userLimit, int addressLimit, Duration lockFor) {
        this.userLimit = userLimit;
        this.addressLimit = addressLimit;
        this.lockFor = lockFor;
    }

    /** How many user names and addresses are being counted now (bounded by {@link #TRACKED}). */
    synchronized int tracked() {
        return failures.size();
    }

    /** Until when log-in as this user or from this address is locked; empty when it may be tried. */
    public synchronized Optional<Instant> lockedUntil(String username, String address, Instant now) {
        Instant user = lockOf(userKey(username), now);
        Instant from = lockOf(addressKey(address), now);
        if (user == null) {
            return Optional.ofNullable(from);
        }
        return Optional.of(from == null || user.isAfter(from) ? user : from);
    }

    public synchronized Outcome failed(String username, String address, Instant now) {
        boolean userLocked = count(userKey(username), userLimit, now);
        boolean addressLocked = count(addressKey(address), addressLimit, now);
        Optional<Instant> until = lockedUntil(username, address, now);
        return new Outcome(until, userLocked || addressLocked);
    }

    /** The user's own count starts again; the address's does not, or one valid account would reset it for guesses. */
    public synchronized void succeeded(String username) {
        failures.remove(userKey(username));
    }

    /** Lifts every lock (tests; a restart does the same). */
    synchronized void clear() {
        failures.clear();
    }

    /** Counts one failure; true when it is the one that starts a lock. */
    private boolean count(String key, int limit, Instant now) {
        Failures f = failures.get(key);
        if (f == null || now.isAfter(f.since().plus(lockFor)) && (f.lockedUntil() == null || now.isAfter(f.lockedUntil()))) {
            f = new Failures(0, now, null);
        }
        if (f.lockedUntil() != null) {
            return false; // attempts while locked are refused before they are checked, so they are not counted
        }
        int count = f.count() + 1;
        boolean locks = count >= limit;
        failures.put(key, new Failures(count, f.since(), locks ? now.plus(lockFor) : null));
        return locks;
    }

    private Instant lockOf(String key, Instant now) {
        Failures f = failures.get(key);
        if (f == null || f.lockedUntil() == null) {
            return null;
        }
        if (now.isAfter(f.lockedUntil())) {
            failures.remove(key);
            return null;
        }
        return f.lockedUntil();
    }

    static String userKey(String username) {
        String name = username == null ? "" : username.strip().toLowerCase();
        return "u:" + (name.length() > 64 ? name.substring(0, 64) : name);
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }
}
