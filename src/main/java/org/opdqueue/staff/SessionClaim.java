package org.opdqueue.staff;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a staff member's log-in cookie says (encrypted and authenticated by the session key): who, in which of their
 * session generations, logged in when. The server keeps the current generation; a cookie of an older one is dead.
 */
public record SessionClaim(String username, int generation, Instant loggedInAt) {

    /** The identity attribute under which a session identity carries its claim, so a renewed cookie keeps it. */
    public static final String ATTRIBUTE = "opd.session";

    public String encode() {
        return generation + ":" + loggedInAt.toEpochMilli() + ":" + username;
    }

    /** Empty for anything that is not a claim (a cookie from before sessions had generations, or garbage). */
    public static Optional<SessionClaim> decode(String value) {
        String[] parts = value == null ? new String[0] : value.split(":", 3);
        if (parts.length != 3 || parts[2].isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SessionClaim(parts[2], Integer.parseInt(parts[0]),
                    Instant.ofEpochMilli(Long.parseLong(parts[1]))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether the session may go on: the user's generation has not moved, and it is not older than the lifetime. */
    public boolean current(int currentGeneration, Instant now, Duration absoluteLifetime) {
        return generation == currentGeneration && !now.isAfter(loggedInAt.plus(absoluteLifetime))
                && !loggedInAt.isAfter(now.plusSeconds(60));
    }
}
