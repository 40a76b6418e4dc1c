package org.opdqueue.console;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * One thing counter staff did on the offline console: the console's own id for it, what it was, the number as
 * typed or scanned (MED-042, MED-K007, MED-P0012) and the console PC's clock at that moment.
 */
public record OfflineAction(
        @NotNull(message = "is required: a UUID made by the console") UUID actionId,
        @NotNull(message = "is required: CALL, COMPLETE or NO_SHOW") Kind kind,
        @NotNull(message = "is required, e.g. MED-042")
        @Pattern(regexp = "\\s*[A-Za-z0-9]{1,8}-[A-Za-z0-9]{1,12}\\s*", message = "must be a token number like MED-042")
        String number,
        @NotNull(message = "is required: the console's time of the action") Instant at) {

    public enum Kind {
        CALL, COMPLETE, NO_SHOW
    }

    /** The number as the queue writes it. */
    public String displayNumber() {
        return number.strip().toUpperCase();
    }

    /** What the action asked for; the same action id with another fingerprint is a different action. */
    String fingerprint(long counterId) {
        return counterId + "|" + kind + "|" + displayNumber() + "|" + at.toEpochMilli();
    }
}
