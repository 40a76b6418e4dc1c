package org.opdqueue.notify;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import org.opdqueue.status.SystemMode;

/**
 * What every scheduled notification round shares: none while notifications are switched off or the database is away,
 * and a round that fails is only logged (at debug), as the next one comes within a second and takes up what was left.
 */
@ApplicationScoped
class NotifyRounds {

    private final NotifyConfig config;
    private final SystemMode mode;

    NotifyRounds(NotifyConfig config, SystemMode mode) {
        this.config = config;
        this.mode = mode;
    }

    /** Runs {@code round} when notifications are on and the database is there; {@code notDone} says what a failure left. */
    void run(Logger log, String notDone, Runnable round) {
        if (!config.enabled() || mode.degraded()) {
            return;
        }
        try {
            round.run();
        } catch (RuntimeException e) {
            log.debugf("%s this time (next try in a second): %s", notDone, e.getMessage());
        }
    }
}
