package org.opdqueue.staff;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opdqueue.common.OpdConfig;
import org.opdqueue.limits.Limits;

/**
 * Counts failed log-ins per user name and per client address; after too many within the lock time, log-in there is
 * refused until it has passed, right password or not. Memory only and bounded: an attacker can send millions of
 * names, and the oldest entries then make room (the address they come from is still counted). A hand-written map,
 * not a rate-limiting library: this is a failure counter with a lock, not a request rate, and needs no dependency.
 * With several nodes, failures on one node must lock the others too: while {@link Limits} reaches Redis the counts
 * and locks are kept there (expiring keys, on Redis's clock), and in this map only while it does not.
 */
@ApplicationScoped
public class LogInThrottle {

    static final int TRACKED = 10_000;

    private record Failures(int count, Instant since, Instant lockedUntil) {
    }

    /** What a failed log-in did: started a lock (journaled once), or not. */
    public record Outcome(Optional<Instant> lockedUntil, boolean lockStarted) {
    }

    /** Counts one failure on a key unless it is locked; a lock that starts drops the count. 1 when one started. */
    private static final String STRIKE = """
            local started = 0
            local function strike(count, lock, limit, ms)
              if redis.call('EXISTS', lock) == 1 then return end
              local n = redis.call('INCR', count)
              if n == 1 then redis.call('PEXPIRE', count, ms) end
              if n >= limit then
                redis.call('SET', lock, '1', 'PX', ms)
                redis.call('DEL', count)
                started = 1
              end
            end
            strike(KEYS[1], KEYS[2], tonumber(ARGV[1]), tonumber(ARGV[3]))
            strike(KEYS[3], KEYS[4], tonumber(ARGV[2]), tonumber(ARGV[3]))
            return {started, redis.call('PTTL', KEYS[2]), redis.call('PTTL', KEYS[4])}
            """;
    /** The milliseconds left of the user's and of the address's lock (negative: none). */
    private static final String LOCKS = "return {redis.call('PTTL', KEYS[1]), redis.call('PTTL', KEYS[2])}";
    private static final String FORGIVE = "return redis.call('DEL', KEYS[1])";

    private final Limits shared;
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
    public LogInThrottle(OpdConfig config, Limits shared) {
        this(shared, config.session().failuresBeforeLock(), config.session().addressFailuresBeforeLock(),
                config.session().lockFor());
    }

    LogInThrottle(int limit, Duration lockFor) {
        this(Limits.local(), limit, limit, lockFor);
    }

    LogInThrottle(Limits shared, int userLimit, int addressLimit, Duration lockFor) {
        this.shared = shared;
        this.userLimit = userLimit;
        this.addressLimit = addressLimit;
        this.lockFor = lockFor;
    }

    /** How many user names and addresses are being counted now (bounded by {@link #TRACKED}). */
    synchronized int tracked() {
        return failures.size();
    }

    /** Until when log-in as this user or from this address is locked; empty when it may be tried. */
    public Optional<Instant> lockedUntil(String username, String address, Instant now) {
        return shared.shared(LOCKS, List.of(lockKey(userKey(username)), lockKey(addressKey(address))), List.of())
                .map(locks -> later(until(now, locks.get(0).toLong()), until(now, locks.get(1).toLong())))
                .orElseGet(() -> lockedHere(username, address, now));
    }

    private synchronized Optional<Instant> lockedHere(String username, String address, Instant now) {
        Instant user = lockOf(userKey(username), now);
        Instant from = lockOf(addressKey(address), now);
        if (user == null) {
            return Optional.ofNullable(from);
        }
        return Optional.of(from == null || user.isAfter(from) ? user : from);
    }

    public Outcome failed(String username, String address, Instant now) {
        String user = userKey(username);
        String from = addressKey(address);
        return shared.shared(STRIKE, List.of(countKey(user), lockKey(user), countKey(from), lockKey(from)),
                List.of(userLimit, addressLimit, lockFor.toMillis()))
                .map(struck -> new Outcome(later(until(now, struck.get(1).toLong()), until(now, struck.get(2).toLong())),
                        struck.get(0).toLong() == 1))
                .orElseGet(() -> failedHere(username, address, now));
    }

    private synchronized Outcome failedHere(String username, String address, Instant now) {
        boolean userLocked = count(userKey(username), userLimit, now);
        boolean addressLocked = count(addressKey(address), addressLimit, now);
        Optional<Instant> until = lockedHere(username, address, now);
        return new Outcome(until, userLocked || addressLocked);
    }

    /** The user's own count starts again; the address's does not, or one valid account would reset it for guesses. */
    public void succeeded(String username) {
        shared.shared(FORGIVE, List.of(countKey(userKey(username))), List.of());
        synchronized (this) {
            failures.remove(userKey(username));
        }
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

    private static Optional<Instant> until(Instant now, long millisLeft) {
        return millisLeft > 0 ? Optional.of(now.plusMillis(millisLeft)) : Optional.empty();
    }

    private static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
        return a.isEmpty() ? b : b.isEmpty() || a.get().isAfter(b.get()) ? a : b;
    }

    private static String countKey(String key) {
        return "login-failures:" + key;
    }

    private static String lockKey(String key) {
        return "login-lock:" + key;
    }

    static String userKey(String username) {
        String name = username == null ? "" : username.strip().toLowerCase();
        return "u:" + (name.length() > 64 ? name.substring(0, 64) : name);
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }
}
