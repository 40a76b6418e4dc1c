package org.opdqueue.token;

import static org.opdqueue.token.TokenStatus.CALLED;
import static org.opdqueue.token.TokenStatus.COMPLETED;
import static org.opdqueue.token.TokenStatus.NO_SHOW;
import static org.opdqueue.token.TokenStatus.SERVING;
import static org.opdqueue.token.TokenStatus.WAITING;

import java.util.EnumSet;
import java.util.Set;

/** Each thing that can happen to a token, and the states it may happen from: the one table of the rules. */
public enum TokenTransition {
    CALL("called", EnumSet.of(WAITING, NO_SHOW)),
    RECALL("recalled", EnumSet.of(CALLED)),
    START("started", EnumSet.of(CALLED)),
    COMPLETE("completed", TokenStatus.AT_COUNTER),
    MARK_NO_SHOW("marked no-show", EnumSet.of(CALLED)),
    REQUEUE("requeued", EnumSet.of(NO_SHOW)),
    TRANSFER("transferred", EnumSet.of(WAITING, CALLED, SERVING)),
    CANCEL("cancelled", TokenStatus.OPEN),
    /** A paper slip entered after the outage whose patient was already seen: never called in the system. */
    TAKE_AS_SERVED("taken as served", EnumSet.of(WAITING)),
    /** A complete or a no-show taken back at the counter straight after (the console's undo). */
    UNDO("taken back", EnumSet.of(COMPLETED, NO_SHOW));

    private final String verb;
    private final Set<TokenStatus> from;

    TokenTransition(String verb, Set<TokenStatus> from) {
        this.verb = verb;
        this.from = from;
    }

    public boolean allowedFrom(TokenStatus status) {
        return from.contains(status);
    }

    /** As in "only a token that is [CALLED] can be <em>started</em>". */
    public String verb() {
        return verb;
    }

    public Set<TokenStatus> from() {
        return from;
    }
}
