package org.opdqueue.staff;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.opdqueue.common.ProblemException;
import org.opdqueue.common.ProblemType;

/** Log-in refused because of too many failed ones: answered 429 with a Retry-After, as every such problem is. */
public class LogInLocked extends ProblemException {

    public LogInLocked(Instant until, Instant now) {
        super(ProblemType.LOG_IN_LOCKED, "Too many failed log-ins for this user name or from this computer. Try again in "
                + minutes(until, now) + " minutes, or ask an administrator.", List.of(),
                Math.max(1, Duration.between(now, until).toSeconds()));
    }

    public long minutes() {
        return Math.max(1, (retryAfterSeconds() + 59) / 60);
    }

    private static long minutes(Instant until, Instant now) {
        return Math.max(1, (Duration.between(now, until).toSeconds() + 59) / 60);
    }
}
