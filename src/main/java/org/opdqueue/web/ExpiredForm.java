package org.opdqueue.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The CSRF check refuses a form post without a valid token with a bare 400. On a staff page that usually
 * means the page was open for too long or in another tab; say so, instead of showing an empty error page.
 */
public class ExpiredForm {

    private static final String PAGE = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Form expired</title>
            <link rel="icon" href="/favicon.svg" type="image/svg+xml">
            <link rel="stylesheet" href="/fonts/fonts.css"><link rel="stylesheet" href="/pages/pages.css"></head>
            <body class="narrow"><main><h1>This form has expired</h1>
            <p class="alert" role="alert" data-testid="form-expired">Nothing was saved. Go back, reload the page and
            send the form again.</p></main></body></html>""";

    @ServerResponseFilter
    public void explain(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 400 || response.hasEntity() || !"POST".equals(request.getMethod())) {
            return; // before reading the Content-Type: one that is no media type is refused with a 415 (BareRefusals)
        }
        MediaType sent = request.getMediaType();
        if (sent != null && MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(sent)) {
            response.setEntity(PAGE, null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        }
    }
}
