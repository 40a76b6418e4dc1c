package org.opdqueue.common;

import java.util.Arrays;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Bad requests the framework fails on before any endpoint runs, answered as problems instead of 500s: a Content-Type
 * header that is no media type at all (every later filter that reads it, the framework's CSRF check among them, would
 * fail) or a wildcard; a staff form posted as anything but a form (parsed as one, but past the CSRF check, which only
 * reads forms); a form or query that is not valid percent-encoding; and a bare 4xx that a framework filter answered
 * without a body (the CSRF check's 400 for a cookie it cannot read). A form post's bare 400 is left to the staff
 * pages' own explanation ({@code web.ExpiredForm}).
 */
public class BareRefusals {

    /** What RESTEasy Reactive says when a form body or query has a broken %-escape. */
    private static final String UNDECODABLE = "Failed to decode URL";

    private final ProblemMappers mappers;

    public BareRefusals(ProblemMappers mappers) {
        this.mappers = mappers;
    }

    @ServerRequestFilter(preMatching = true)
    public Response unparseableContentType(ContainerRequestContext request) {
        String sent = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (sent == null || concrete(sent)) {
            return null;
        }
        Problem problem = new Problem("about:blank", "Unsupported Media Type", 415,
                "The Content-Type header is not one media type; send application/json", path(request), List.of());
        return Response.status(415).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /**
     * A staff form posted without the form Content-Type (none, or {@code *}{@code /*}) would reach the form's endpoint
     * past the CSRF check, which only reads forms, and fail rendering the token it never made.
     */
    @ServerRequestFilter
    public Response formWithoutFormType(ContainerRequestContext request, ResourceInfo resource) {
        Consumes consumes = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(Consumes.class);
        if (consumes == null || !List.of(consumes.value()).contains(MediaType.APPLICATION_FORM_URLENCODED)
                || isForm(request)) {
            return null;
        }
        Problem problem = new Problem("about:blank", "Unsupported Media Type", 415,
                "A form is posted as " + MediaType.APPLICATION_FORM_URLENCODED, path(request), List.of());
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
        return "POST".equals(request.getMethod()) && isForm(request);
    }

    private static boolean isForm(ContainerRequestContext request) {
        String sent = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        return sent != null && sent.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED);
    }

    /** Every other unexpected failure stays {@link ProblemMappers#unexpected}'s: logged, and a 500. */
    @ServerExceptionMapper
    public Response undecodable(IllegalArgumentException e, UriInfo uri) {
        if (String.valueOf(e.getMessage()).startsWith(UNDECODABLE)) {
            return Response.status(400).type(Problem.MEDIA_TYPE).entity(Problem.of(ProblemType.INVALID_INPUT,
                    "The form or query is not valid percent-encoding (a % not followed by two hex digits)",
                    "/" + uri.getPath().replaceFirst("^/", ""), List.of())).build();
        }
        return mappers.unexpected(e, uri);
    }

    private static boolean concrete(String mediaType) {
        try {
            MediaType type = MediaType.valueOf(mediaType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String path(ContainerRequestContext request) {
        return "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
    }
}
