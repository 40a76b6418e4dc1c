package org.opdqueue.token;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.quarkus.runtime.StartupEvent;

import org.opdqueue.common.OpdConfig;

/**
 * A server configured with fewer than one issuing lane refuses to start, saying so, instead of failing its first
 * issue. Checked here rather than by a constraint on the configuration: one constraint there makes Quarkus build a
 * second validator factory for the configuration, on the main thread, at every start (about 0.2 s).
 */
@ApplicationScoped
class IssuingLaneCount {

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start, OpdConfig config) {
        refuseFewerThanOne(config.issuing().lanes());
    }

    static void refuseFewerThanOne(int lanes) {
        if (lanes < 1) {
            throw new IllegalStateException("opd.issuing.lanes must be at least 1, not " + lanes);
        }
    }
}
