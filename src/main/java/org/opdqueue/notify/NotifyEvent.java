package org.opdqueue.notify;

/** What a patient is told of. A recall is not told again: the patient was already told of the call. */
public enum NotifyEvent {
    /** The token is the service's N-th to be called or nearer (also at issue, when so few wait ahead). */
    TURN_NEAR,
    /** A counter called the token (live; a call made during an outage is not told afterwards). */
    CALLED;

    /** As in a webhook's body: {@code turn_near}, {@code called}. */
    public String wireName() {
        return name().toLowerCase();
    }
}
