package org.opdqueue.outage;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.opdqueue.common.OpdConfig;
import org.opdqueue.common.Problem;
import org.opdqueue.common.ProblemMappers;
import org.opdqueue.common.ProblemType;
import org.opdqueue.status.SystemMode;

/**
 * While the database is away, API requests and admin pages that need it are answered at once with a 503 (degraded)
 * instead of each waiting for a connection that will not come: a problem for API clients, a page for a browser.
 * What works without the database goes through.
 */
public class DegradedGuard {

    /** Served without the database: the status, and calls by number, which are relayed to the boards. */
    private static final Pattern WITHOUT_DATABASE = Pattern.compile("/?api/(status|counters/\\d+/call)/?");

    /** Admin pages that show what the server knows without the database: the dashboard and the outages. */
    private static final Pattern PAGES_WITHOUT_DATABASE = Pattern.compile("/?admin(/outages)?/?");

    @CheckedTemplate(basePath = "DegradedGuard")
    static class Templates {
        static native TemplateInstance unavailable(String path, Instant since, ZoneId zone);
    }

    private final SystemMode mode;
    private final ZoneId zone;

    public DegradedGuard(SystemMode mode, OpdConfig config) {
        this.mode = mode;
        this.zone = config.facility().timeZone();
    }

    @ServerRequestFilter
    public Response guard(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        boolean api = path.matches("/?api/.*") && !WITHOUT_DATABASE.matcher(path).matches();
        boolean page = path.matches("/?admin/.*") && !PAGES_WITHOUT_DATABASE.matcher(path).matches();
        if (!mode.degraded() || !(api || page)) {
            return null;
        }
        Instant since = mode.current().since();
        if (page && fromABrowser(request)) {
            return Response.status(503).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).header("Retry-After", "5")
                    .entity(Templates.unavailable("/" + path.replaceFirst("^/", ""), since, zone).render()).build();
        }
        String instance = "/" + path.replaceFirst("^/", "");
        Problem problem = Problem.of(ProblemType.DEGRADED, "The database cannot be reached (since "
                + since + "). Issue paper tokens; they are merged when it is back. "
                + ProblemMappers.retryRule(ProblemType.DEGRADED, instance), path, List.of());
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "5").entity(problem).build();
    }

    private static boolean fromABrowser(ContainerRequestContext request) {
        return request.getAcceptableMediaTypes().stream()
                .anyMatch(t -> t.isCompatible(MediaType.TEXT_HTML_TYPE) && !t.isWildcardType());
    }
}
