package org.opdqueue.staff;

import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import org.opdqueue.common.Problem;

/** A locked log-in through HTTP Basic: a 429 problem that says when to try again. */
public class LogInLockedAnswer {

    @ServerExceptionMapper
    public Response locked(LogInLocked e, UriInfo uri) {
        return Response.status(429).type(Problem.MEDIA_TYPE).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                .entity(Problem.of(e.type(), e.getMessage(), "/" + uri.getPath().replaceFirst("^/", ""), List.of()))
                .build();
    }
}
