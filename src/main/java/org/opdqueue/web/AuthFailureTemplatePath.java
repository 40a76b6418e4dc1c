package org.opdqueue.web;

import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.resteasy.reactive.server.runtime.ResteasyReactiveRecorder;
import io.quarkus.resteasy.reactive.server.runtime.observability.ObservabilityIntegrationRecorder;
import io.quarkus.vertx.http.runtime.security.HttpSecurityRecorder.DefaultAuthFailureHandler;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Finds the path template that names a failed log-in's metrics only when a log-in does fail, not for every request.
 *
 * <p>With Micrometer present, Quarkus REST 3.33 puts a filter right after authentication (its priority 199, after 200)
 * that swaps the request's authentication-failure handler for one that fails the request, and first works out the
 * request's path template ({@code /api/counters/{id}/call-next}) so that a 401 or 403 is counted under the template, not
 * under its raw path (quarkusio/quarkus#24938): an attacker's random ids would otherwise each make a metric. It works
 * the template out by building a {@code RequestMapper} of all the app's paths, on every request, failed or not:
 * 14 % of the event loops' time when issuing at 64 connections (README, Benchmarks). In this app authentication is
 * not proactive, so a log-in that fails on an API path fails inside Quarkus REST after routing, where the template is
 * known anyway; the early template only counts for a failure at the HTTP layer (a path permission with a mechanism
 * that answers 401 or 403 before Quarkus REST), and this handler still works it out then.
 *
 * <p>This route runs just before that filter (same order, and routes observed here are added before Quarkus's
 * filters; Vert.x keeps insertion order between equal orders) and makes the same swap, with a handler that works
 * the template out when it is called, so the metrics of failed log-ins are named as before. Should a later Quarkus
 * run this after its own filter, it finds that filter's handler, not a {@link DefaultAuthFailureHandler}, and does
 * nothing: the saving is lost, nothing else changes. {@code AuthFailureTemplatePathTest} checks both the hand-over and
 * the metric's name.
 */
@ApplicationScoped
public class AuthFailureTemplatePath {

    private static final Logger LOG = Logger.getLogger(AuthFailureTemplatePath.class);

    /** The order Quarkus gives a filter of priority 199 (the negative of its priority). */
    static final int ORDER = -199;

    static final BiConsumer<RoutingContext, Throwable> FAIL_NAMED_BY_TEMPLATE = (context, failure) -> {
        try {
            ObservabilityIntegrationRecorder.setTemplatePath(context, ResteasyReactiveRecorder.getCurrentDeployment());
        } catch (RuntimeException e) {
            LOG.debug("No path template for a failed log-in's metrics", e);
        }
        // What Quarkus's own handler (ResteasyReactiveRecorder.FailingDefaultAuthFailureHandler) does
        DefaultAuthFailureHandler.markIfOtherAuthenticationFailure(context, failure);
        if (!context.failed()) {
            context.fail(DefaultAuthFailureHandler.extractRootCause(failure));
        }
    };

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(context -> {
            if (context.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER) instanceof DefaultAuthFailureHandler) {
                context.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, FAIL_NAMED_BY_TEMPLATE);
            }
            context.next();
        });
    }
}
