package org.opdqueue.token;

import java.util.EnumSet;
import java.util.Set;

public enum TokenStatus {
    WAITING,
    CALLED,
    SERVING,
    COMPLETED,
    NO_SHOW,
    CANCELLED;

    /** States a patient can still be called or served from. */
    public static final Set<TokenStatus> OPEN = EnumSet.of(WAITING, CALLED, SERVING, NO_SHOW);

    /** States in which a counter holds the token. */
    public static final Set<TokenStatus> AT_COUNTER = EnumSet.of(CALLED, SERVING);
}
