package org.opdqueue.web;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.arc.Arc;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

import org.opdqueue.common.Problem;
import org.opdqueue.common.ProblemException;
import org.opdqueue.common.ProblemMappers;
import org.opdqueue.common.ProblemType;
import org.opdqueue.staff.PasswordRules;

/**
 * A logged-in staff member opening a page their role does not allow: a page saying so for a browser,
 * the usual problem+json for anything else. Page resources call it from their own exception mapper. A staff member
 * who must first change their password is sent to the page where they do.
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
        // The identity was resolved by the role check that failed, so reading it here does not block.
        SecurityIdentity identity = Arc.container().instance(SecurityIdentity.class).get();
        if (identity.getAttribute(ProblemMappers.REFUSAL) instanceof ProblemException why) {
            if (browser && why.type() == ProblemType.PASSWORD_CHANGE_REQUIRED) {
                return Response.seeOther(URI.create(PasswordRules.CHANGE_PAGE)).build();
            }
            return Response.status(why.type().status()).type(Problem.MEDIA_TYPE)
                    .entity(Problem.of(why.type(), why.getMessage(), path, List.of())).build();
        }
        if (browser) {
            return Response.status(403).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.forbidden(path).render()).build();
        }
        return Response.status(403).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(ProblemType.FORBIDDEN, "This page is for administrators", path, List.of())).build();
    }
}
