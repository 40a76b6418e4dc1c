package org.opdqueue.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

import org.opdqueue.common.OpdConfig;

/**
 * Tells browsers that reached the server over HTTPS to come back only over HTTPS (HSTS), so a kiosk's or a
 * counter PC's session cookie is never sent in clear on the hospital LAN. Sent on HTTPS answers only: over
 * plain HTTP the header means nothing and would be a lie about the connection.
 */
@ApplicationScoped
public class StrictTransportSecurity {

    private final String header;

    public StrictTransportSecurity(OpdConfig config) {
        this.header = "max-age=" + config.tls().hstsMaxAge().toSeconds();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            if (context.request().isSSL()) {
                context.response().putHeader("Strict-Transport-Security", header);
            }
            context.next();
        });
    }
}
