package org.opdqueue.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * Only a page renews the form-token (CSRF) cookie. With a signed token the framework makes a new token and cookie on
 * every GET that comes with the cookie, JSON reads included, and the cookie then no longer matches a form already on a
 * screen: an admin's edit form was refused as expired when a kiosk, a console or a board in another tab of the same
 * browser had polled the API meanwhile (the browser keeps one cookie jar). Every answer that is not an HTML page goes
 * without the new cookie, so the form keeps the token its page was given; a page still gets a fresh one.
 */
@ApplicationScoped
public class FormTokenCookie {

    private final String cookieName;

    public FormTokenCookie(@ConfigProperty(name = "quarkus.rest-csrf.cookie-name", defaultValue = "csrf-token") String cookieName) {
        this.cookieName = cookieName;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            context.addHeadersEndHandler(headersEnd -> {
                String type = context.response().headers().get(HttpHeaders.CONTENT_TYPE);
                if (type == null || !type.startsWith("text/html")) {
                    context.response().removeCookie(cookieName, false);
                }
            });
            context.next();
        });
    }
}
