package org.opdqueue.common;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.event.Event;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

/** The one place where failures become problem+json; no class name or stack trace leaves here. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /**
     * A logged-in identity carrying a {@link ProblemException} under this attribute is refused every role-checked
     * call with that problem instead of a plain 403 (a staff member who must first change their password).
     */
    public static final String REFUSAL = "opd.refusal";

    /** Where the staff log-in form posts (Quarkus' form authentication). */
    private static final String LOG_IN_FORM_POST = "/j_security_check";

    /** What nginx logs for a request whose client hung up: not a 5xx, which would count as a server failure. */
    static final int CLIENT_CLOSED_REQUEST = 499;

    private final Event<DatabaseUnreachable> unreachable;
    private final DatabaseHealth database;
    private final SecurityIdentity identity;

    public ProblemMappers(Event<DatabaseUnreachable> unreachable, DatabaseHealth database, SecurityIdentity identity) {
        this.unreachable = unreachable;
        this.database = database;
        this.identity = identity;
    }

    /** Requests that carry their own id, so sending one again never does it twice. */
    private static final java.util.regex.Pattern KEYED = java.util.regex.Pattern.compile(
            "/api/(tokens|sync/tokens|counters/\\d+/offline-actions)/?");

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        if (e.type().status() == 503) {
            return unavailable(e.type(), e.getMessage(), path(uri));
        }
        Response response = respond(Problem.of(e.type(), e.getMessage(), path(uri), e.errors()));
        if (e.retryAfterSeconds() != null) {
            response.getHeaders().add("Retry-After", String.valueOf(e.retryAfterSeconds()));
        }
        return response;
    }

    /** No or wrong credentials. API clients log in with HTTP Basic; the staff pages' own scripts say so in a header. */
    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri, HttpServerRequest request) {
        String accept = String.valueOf(request.getHeader(HttpHeaders.ACCEPT));
        if (LOG_IN_FORM_POST.equals(request.path()) || (!request.path().startsWith("/api/") && accept.contains("text/html"))) {
            // A browser (a wrong password on the log-in page, an ended account): back to the log-in page, with a message.
            return Response.status(302).header(HttpHeaders.LOCATION, "/login?error=true").build();
        }
        String detail = e instanceof AuthenticationFailedException
                ? "Wrong user name or password, or the account is not active"
                : "Log in as staff: HTTP Basic for API clients, or the login page in a browser";
        Response.ResponseBuilder answer = Response.status(401).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(ProblemType.UNAUTHENTICATED, detail, path(uri), List.of()));
        if (request.getHeader("X-Requested-With") == null) {
            // The staff pages' scripts send that header: no Basic challenge, so no browser password pop-up.
            answer.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"OPD staff\", charset=\"UTF-8\"");
        }
        return answer.build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        if (identity.getAttribute(REFUSAL) instanceof ProblemException why) {
            return problem(why, uri);
        }
        return respond(Problem.of(ProblemType.FORBIDDEN, "Your role may not do this", path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(Problem.of(ProblemType.INVALID_INPUT, detail, path(uri), errors));
    }

    /** Declared for the subtype too, or Quarkus' own mapper for it would answer instead. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = fieldPath(mapping);
            String message = "has the wrong type or format";
            if (mapping instanceof InvalidFormatException format && format.getTargetType() != null) {
                message = format.getTargetType().isEnum()
                        ? "must be one of " + List.of(format.getTargetType().getEnumConstants())
                        : "must be a valid " + format.getTargetType().getSimpleName();
            }
            return respond(Problem.of(ProblemType.INVALID_INPUT, field + ": " + message, path(uri),
                    List.of(new Problem.FieldError(field, message))));
        }
        return respond(Problem.of(ProblemType.INVALID_INPUT, "The request body is not valid JSON", path(uri), List.of()));
    }

    /**
     * A form upload cut short or malformed: the multipart parser throws a plain IOException before any resource
     * method runs, which is the client's fault, not the server's.
     */
    @ServerExceptionMapper
    public Response unparsable(java.io.IOException e, UriInfo uri) {
        if (!Failures.isClientGone(e) && String.valueOf(e.getMessage()).contains("multipart")) {
            return respond(Problem.of(ProblemType.INVALID_INPUT, "The request body is not a valid multipart form",
                    path(uri), List.of(new Problem.FieldError("body", "is not a valid multipart form"))));
        }
        return unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status == 404) {
            return respond(Problem.of(ProblemType.NOT_FOUND, "No such resource", path(uri), List.of()));
        }
        Response.StatusType info = Response.Status.fromStatusCode(status);
        String title = info != null ? info.getReasonPhrase() : "HTTP " + status;
        return respond(new Problem("about:blank", title, status, title, path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (Failures.isClientGone(e)) {
            LOG.debugf("Client went away during %s: %s", path(uri), e);
            return Response.status(CLIENT_CLOSED_REQUEST).build(); // nobody reads it
        }
        ProblemType type = Failures.classify(e);
        if (type == ProblemType.OVERLOADED && !database.reachable()) {
            // no connection came free because the database is gone, not because it is busy
            type = ProblemType.DEGRADED;
        }
        if (type == ProblemType.INTERNAL) {
            LOG.error("Unexpected failure on " + path(uri), e);
        } else if (type == ProblemType.DEGRADED) {
            unreachable.fire(new DatabaseUnreachable(String.valueOf(e.getMessage())));
        } else {
            LOG.debugf("%s on %s: %s", type, path(uri), e);
        }
        if (type.status() == 503) {
            return unavailable(type, Failures.detail(type), path(uri));
        }
        return respond(Problem.of(type, Failures.detail(type), path(uri), List.of()));
    }

    /**
     * A 503 says what the client may do next. A request with its own id may always be sent again with that id,
     * whether or not the first one was saved: the id's unique key makes one token of both. Anything else is only
     * safe to repeat when it certainly was not saved.
     */
    static Response unavailable(ProblemType type, String detail, String path) {
        return Response.status(type.status()).type(Problem.MEDIA_TYPE).header("Retry-After", "5")
                .entity(Problem.of(type, detail + " " + retryRule(type, path), path, List.of())).build();
    }

    /** The sentence every 503 ends with: whether and how to retry. */
    public static String retryRule(ProblemType type, String path) {
        if (path != null && KEYED.matcher(path).matches()) {
            String id = path.contains("offline-actions") ? "actionId" : "requestId";
            return "Retry with the same " + id + ": it is safe, the same " + id + " never does anything twice.";
        }
        return type == ProblemType.OUTCOME_UNKNOWN
                ? "Look at the current state before doing it again."
                : "Nothing was changed: retrying is safe.";
    }

    /** The JSON path Jackson stopped at, as the client wrote it: {@code services[3].code}. */
    public static String fieldPath(JsonMappingException mapping) {
        return mapping.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    /** "issue.command.patient.mobile" → "patient.mobile": the JSON field the client sent. */
    private static String fieldOf(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }
}
