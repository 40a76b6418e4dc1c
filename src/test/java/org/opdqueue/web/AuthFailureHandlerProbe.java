package org.opdqueue.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.Router;

/**
 * Test only: on a request carrying {@value #ASK}, answers in the same header which authentication-failure handler the
 * request holds once both the app's hand-over and Quarkus REST's filter (the order after both) have run.
 */
@ApplicationScoped
public class AuthFailureHandlerProbe {

    static final String ASK = "X-Probe-Auth-Failure-Handler";

    void install(@Observes Router router) {
        router.route().order(AuthFailureTemplatePath.ORDER + 1).handler(context -> {
            if (context.request().headers().contains(ASK)) {
                Object handler = context.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER);
                context.response().putHeader(ASK,
                        handler == AuthFailureTemplatePath.FAIL_NAMED_BY_TEMPLATE ? "app" : String.valueOf(handler));
            }
            context.next();
        });
    }
}
