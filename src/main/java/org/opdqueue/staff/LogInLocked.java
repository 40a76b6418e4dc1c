package org.opdqueue.staff;

import java.time.Duration;
import java.time.Instant;

import org.opdqueue.common.ProblemException;
import org.opdqueue.common.ProblemType;

/** Log-in refused because of too many failed ones: answered 429 with a Retry-After (see {@link LogInLockedAnswer}). */
public class LogInLocked extends ProblemException {

    private final long retryAfterSeconds;

    public LogInLocked(Instant until, Instant now) {
        super(ProblemType.LOG_IN_LOCKED, "Too many failed log-ins for this user name or from this computer. Try again in "
                + minutes(until, now) + " minutes, or ask an administrator.");
        this.retryAfterSeconds = Math.max(1, Duration.between(now, until).toSeconds());
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public long minutes() {
        return Math.max(1, (retryAfterSeconds + 59) / 60);
    }

    private static long minutes(Instant until, Instant now) {
        return Math.max(1, (Duration.between(now, until).toSeconds() + 59) / 60);
    }
}
