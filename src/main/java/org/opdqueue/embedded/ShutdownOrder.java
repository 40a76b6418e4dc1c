package org.opdqueue.embedded;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Tells the demo's embedded database when the application has started and when its shutdown observers have all
 * run (last of them, by priority), so the database stops after the application's last write. Harmless without an
 * embedded database: nobody waits then.
 */
@ApplicationScoped
class ShutdownOrder {

    void started(@Observes StartupEvent event) {
        EmbeddedMariaDb.serverStarted();
    }

    void stopped(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent event) {
        EmbeddedMariaDb.serverStopped();
    }
}
