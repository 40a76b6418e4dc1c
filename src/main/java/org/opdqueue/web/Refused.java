package org.opdqueue.web;

import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.opdqueue.common.Problem;
import org.opdqueue.common.ProblemType;

/**
 * A logged-in staff member opening a page their role does not allow: a page saying so for a browser,
 * the usual problem+json for anything else. Page resources call it from their own exception mapper.
 */
public final class Refused {

    @CheckedTemplate(basePath = "Refused")
    static class Templates {
        static native TemplateInstance forbidden(String path);
    }

    private Refused() {
    }

    public static Response forbidden(HttpHeaders headers, String path) {
        boolean browser = headers.getAcceptableMediaTypes().stream()
                .anyMatch(t -> t.isCompatible(MediaType.TEXT_HTML_TYPE) && !t.isWildcardType());
        if (browser) {
            return Response.status(403).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.forbidden(path).render()).build();
        }
        return Response.status(403).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(ProblemType.FORBIDDEN, "This page is for administrators", path, List.of())).build();
    }
}
