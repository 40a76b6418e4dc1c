package org.opdqueue.common;

/** Each kind of failure the API reports, mapped once to its problem+json type and status. */
public enum ProblemType {
    INVALID_INPUT("invalid-input", 400, "Invalid input"),
    UNAUTHENTICATED("unauthenticated", 401, "Log-in required"),
    FORBIDDEN("forbidden", 403, "Not allowed for your role"),
    PASSWORD_CHANGE_REQUIRED("password-change-required", 403, "Change your password first"),
    NOT_FOUND("not-found", 404, "Not found"),
    ILLEGAL_TRANSITION("illegal-transition", 409, "Not allowed in the current state"),
    REQUEST_ID_REUSED("request-id-reused", 409, "Request id already used for a different request"),
    BUSY("busy", 409, "Conflicting change, try again"),
    PAPER_DUPLICATE("paper-duplicate", 409, "Paper slip already entered or voided"),
    PAPER_OUT_OF_RANGE("paper-out-of-range", 422, "Number is in no paper book of the service"),
    LOG_IN_LOCKED("log-in-locked", 429, "Too many failed log-ins: wait, then try again"),
    TOO_MANY_REQUESTS("too-many-requests", 429, "Too many requests from this client, try again later"),
    CROSS_SITE("cross-site", 403, "Refused: a request from another site"),
    DEGRADED("degraded", 503, "Database unavailable: paper-token mode"),
    OVERLOADED("overloaded", 503, "Too many requests at once, try again"),
    OUTCOME_UNKNOWN("outcome-unknown", 503, "The database went away while saving: it may or may not be saved"),
    UNDO_TOO_LATE("undo-too-late", 409, "Too late to undo"),
    GATEWAY_UNREACHABLE("gateway-unreachable", 503, "The ABDM gateway could not be reached: try again"),
    APPOINTMENT_TOO_EARLY("appointment-too-early", 409, "Too early to check in for this appointment: come back later"),
    APPOINTMENT_CANCELLED("appointment-cancelled", 409, "The appointment was cancelled: ask at the registration counter"),
    REPORT_TOO_SLOW("report-too-slow", 503, "The report took too long: ask for less, or try again later"),
    INTERNAL("internal", 500, "Internal error");

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String uri() {
        return "/problems/" + slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
