package org.opdqueue.staff;

import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;

/** A production server without its session key refuses to start, saying what to set, instead of making one up. */
@ApplicationScoped
public class SessionKeyCheck {

    private final Optional<String> sessionKey;

    public SessionKeyCheck(@ConfigProperty(name = SessionKeys.SESSION_KEY) Optional<String> sessionKey) {
        this.sessionKey = sessionKey;
    }

    /** First thing at start-up, before the database work of the other start-up steps. */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start) {
        SessionKeys.problemWith(sessionKey).ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
    }
}
