package org.opdqueue.common;

import java.util.List;

/** A failure the client can act on; mapped to problem+json by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.FieldError> errors;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = errors;
    }

    public static ProblemException notFound(String what, Object key) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " " + key + " does not exist");
    }

    public static ProblemException illegal(String detail) {
        return new ProblemException(ProblemType.ILLEGAL_TRANSITION, detail);
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
}
