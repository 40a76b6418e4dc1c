package org.opdqueue.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;

import org.opdqueue.common.Problem;
import org.opdqueue.common.ProblemType;

/**
 * Refuses a change to the API that a page of another site makes with the browser's stored credentials (cached HTTP
 * Basic, the log-in cookie): a POST, PUT, PATCH or DELETE under /api whose Origin is not this server, or, without an
 * Origin, whose Referer is not while a credential rides along; and any such call with a body that is not JSON, since a
 * cross-site form or a no-cors fetch can send text/plain, form data or multipart and nothing else. The app's own pages
 * and kiosks call from this origin; curl and other API clients send no Origin and are not affected.
 * <p>
 * This server is the host the request was sent to: a reverse proxy must pass the Host header on (the README's nginx
 * does), or let Quarkus take a forwarded host ({@code quarkus.http.proxy.*}).
 */
public class SameOriginGuard {

    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");

    @ServerRequestFilter(preMatching = true)
    public Response guard(ContainerRequestContext request, HttpServerRequest http) {
        String decoded = request.getUriInfo().getPath();
        String path = decoded.startsWith("/") ? decoded : "/" + decoded; // no regex: this runs on every request
        if (!path.startsWith("/api/") || !UNSAFE.contains(request.getMethod())) {
            return null;
        }
        String origin = request.getHeaderString("Origin");
        if (origin != null && !sameOrigin(origin, http)) {
            return refused("Origin " + origin + " is not this server: the API takes changes from its own pages only", path);
        }
        String referer = request.getHeaderString("Referer");
        if (origin == null && referer != null && credentialed(request) && !sameOrigin(referer, http)) {
            return refused("the request comes from a page of another site (" + referer + ")", path);
        }
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (type != null && hasBody(request) && !json(type)) {
            return refused("Content-Type " + type + " is what a page of another site can send; the API takes "
                    + "application/json", path);
        }
        return null;
    }

    private static boolean credentialed(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        return request.getHeaderString(HttpHeaders.COOKIE) != null
                || (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6));
    }

    /** Some clients label an empty POST text/plain; only a body is checked. */
    private static boolean hasBody(ContainerRequestContext request) {
        return request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
    }

    private static boolean json(String contentType) {
        String media = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return media.equals("application/json") || (media.startsWith("application/") && media.endsWith("+json"));
    }

    /**
     * The host the request was sent to. Host only, not scheme and port: behind the README's nginx the app hears plain
     * HTTP on 8080 while the browser's page is https on 443, and another site is another host either way. "null" and
     * anything unreadable are foreign.
     */
    static boolean sameOrigin(String url, HttpServerRequest http) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        HostAndPort self = http.authority();
        return uri.getHost() != null && self != null && uri.getHost().equalsIgnoreCase(self.host());
    }

    private static Response refused(String why, String path) {
        return Response.status(403).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(ProblemType.CROSS_SITE, why, path, List.of())).build();
    }
}
