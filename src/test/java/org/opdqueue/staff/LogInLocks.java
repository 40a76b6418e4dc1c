package org.opdqueue.staff;

/** For tests elsewhere that fail log-ins from 127.0.0.1 on purpose: lifts the locks they leave for the tests after them. */
public final class LogInLocks {

    private LogInLocks() {
    }

    public static void liftAll(LogInThrottle throttle) {
        throttle.clear();
    }
}
