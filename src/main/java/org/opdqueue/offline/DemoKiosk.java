package org.opdqueue.offline;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import org.opdqueue.common.Facility;
import org.opdqueue.common.Hashes;
import org.opdqueue.common.OpdConfig;
import org.opdqueue.device.Device;

/**
 * The demo hospital's first kiosk comes enrolled with a known key, so the demo's kiosk issues tokens and reserves
 * offline numbers at once ({@code /kiosk/?device=KIOSK1.demo-kiosk-1}). Only with {@code opd.demo.seed}; a real
 * kiosk is enrolled by an admin and gets a random key.
 */
@ApplicationScoped
public class DemoKiosk {

    static final String CODE = "KIOSK1";
    static final String SECRET = "demo-kiosk-1";

    private static final Logger LOG = Logger.getLogger(DemoKiosk.class);

    @Transactional
    void enrol(@Observes @Priority(3000) StartupEvent start, OpdConfig config, Facility facility) {
        if (!config.demo().seed()) {
            return;
        }
        Device.findByCode(facility.code(), CODE).filter(d -> d.secretHash == null && d.numberSeries == null)
                .ifPresent(kiosk -> {
                    kiosk.numberSeries = "K";
                    kiosk.secretHash = Hashes.sha256Hex(SECRET);
                });
        // said at every start: a kiosk issues with its key, so the demo's kiosk is opened with it
        Device.findByCode(facility.code(), CODE).filter(d -> Hashes.sha256Hex(SECRET).equals(d.secretHash))
                .ifPresent(kiosk -> LOG.infof("Demo kiosk %s: open /kiosk/?device=%s.%s", CODE, CODE, SECRET));
    }
}
