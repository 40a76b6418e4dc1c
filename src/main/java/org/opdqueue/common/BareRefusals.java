package org.opdqueue.common;

import java.util.Arrays;
import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Refusals that never reach {@link ProblemMappers}, made problems too: a Content-Type header that is no media type at
 * all (every later filter that reads it, the framework's CSRF check among them, would fail with a 500), and a bare
 * 4xx that a framework filter answered without a body (the CSRF check's 400 for a cookie it cannot read). A form
 * post's bare 400 is left to the staff pages' own explanation ({@code web.ExpiredForm}).
 */
public class BareRefusals {

    @ServerRequestFilter(preMatching = true)
    public Response unparseableContentType(ContainerRequestContext request) {
        String sent = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (sent == null || parses(sent)) {
            return null;
        }
        Problem problem = new Problem("about:blank", "Unsupported Media Type", 415,
                "The Content-Type header is not a media type; send application/json", path(request), List.of());
        return Response.status(415).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @ServerResponseFilter
    public void explainBareRefusal(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400 || status >= 500 || response.hasEntity() || formPost(request)) {
            return;
        }
        ProblemType type = Arrays.stream(ProblemType.values()).filter(t -> t.status() == status).findFirst().orElse(null);
        Response.StatusType info = Response.Status.fromStatusCode(status);
        String title = type != null ? type.title() : info != null ? info.getReasonPhrase() : "HTTP " + status;
        Problem problem = new Problem(type != null ? type.uri() : "about:blank", title, status,
                status == 400 ? "The request was refused before it was read (a missing or stale CSRF token?)" : title,
                path(request), List.of());
        response.setEntity(problem, null, MediaType.valueOf(Problem.MEDIA_TYPE));
    }

    private static boolean formPost(ContainerRequestContext request) {
        String sent = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        return "POST".equals(request.getMethod()) && sent != null
                && sent.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED);
    }

    private static boolean parses(String mediaType) {
        try {
            MediaType.valueOf(mediaType);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String path(ContainerRequestContext request) {
        return "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
    }
}
