package org.opdqueue.outage;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import org.opdqueue.common.Problem;
import org.opdqueue.common.ProblemType;
import org.opdqueue.status.SystemMode;

/**
 * While the database is away, API requests that need it are answered at once with a 503 degraded problem
 * instead of each waiting for a connection that will not come. What works without the database goes through.
 */
public class DegradedGuard {

    /** Served without the database: the status, and calls by number, which are relayed to the boards. */
    private static final Pattern WITHOUT_DATABASE = Pattern.compile("/?api/(status|counters/\\d+/call)/?");

    private final SystemMode mode;

    public DegradedGuard(SystemMode mode) {
        this.mode = mode;
    }

    @ServerRequestFilter
    public Response guard(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!mode.degraded() || !path.matches("/?api/.*") || WITHOUT_DATABASE.matcher(path).matches()) {
            return null;
        }
        Problem problem = Problem.of(ProblemType.DEGRADED, "The database cannot be reached (since "
                + mode.current().since() + "). Issue paper tokens; they are merged when it is back.", path, List.of());
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "5").entity(problem).build();
    }
}
