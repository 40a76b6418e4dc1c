package org.opdqueue.common;

import java.time.Duration;
import java.util.List;

/** A failure the client can act on; mapped to problem+json by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.FieldError> errors;
    /** Sent as the Retry-After header, in whole seconds; null when there is nothing to wait for. */
    private final Long retryAfterSeconds;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors) {
        this(type, detail, errors, null);
    }

    protected ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors, Long retryAfterSeconds) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = errors;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A 429: this client has had its share for now; it may try again after {@code retryAfter} (at least a second). */
    public static ProblemException tooManyRequests(String detail, Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return new ProblemException(ProblemType.TOO_MANY_REQUESTS, detail + " Try again in " + seconds + " s.", List.of(),
                seconds);
    }

    public static ProblemException notFound(String what, Object key) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " " + key + " does not exist");
    }

    public static ProblemException illegal(String detail) {
        return new ProblemException(ProblemType.ILLEGAL_TRANSITION, detail);
    }

    /** An undo asked for after its window, or after something else happened to the token or its counter. */
    public static ProblemException undoTooLate(String detail) {
        return new ProblemException(ProblemType.UNDO_TOO_LATE, detail);
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.INVALID_INPUT, field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public ProblemType type() {
        return type;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
