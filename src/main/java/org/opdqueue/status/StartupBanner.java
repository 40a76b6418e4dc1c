package org.opdqueue.status;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import org.opdqueue.common.Facility;

/** Tells whoever started the system where to point the kiosk, the board and the staff. */
@ApplicationScoped
public class StartupBanner {

    private static final Logger LOG = Logger.getLogger(StartupBanner.class);

    void onStart(@Observes StartupEvent start, Facility facility,
            @ConfigProperty(name = "quarkus.http.port") int port,
            @ConfigProperty(name = "quarkus.http.host", defaultValue = "localhost") String host) {
        String base = "http://" + ("0.0.0.0".equals(host) ? "localhost" : host) + ":" + port;
        LOG.infof("""
                %s (%s) is ready:
                  kiosk           %s/kiosk/
                  display boards  %s/board/1  %s/board/2
                  counter console %s/console   (offline: %s/console-offline/)
                  admin           %s/admin
                  paper slips     %s/paper/entry
                  API (Swagger)   %s/q/swagger-ui
                  status          %s/api/status""",
                facility.name(), facility.code(), base, base, base, base, base, base, base, base, base, base);
    }
}
