package org.opdqueue.display;

import java.util.Map;

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
import org.opdqueue.device.DeviceKind;

/**
 * The demo hospital's board PCs come enrolled with known keys ({@code /board/1?device=BOARDA.demo-board-a}), so
 * the key's way can be tried, and the tests open boards as a hospital's board PCs do. Only with
 * {@code opd.demo.seed}; a real board PC gets a random key from an admin.
 */
@ApplicationScoped
public class DemoBoards {

    /** Board PC code → its demo key. */
    public static final Map<String, String> KEYS = Map.of("BOARDA", "BOARDA.demo-board-a", "BOARDB", "BOARDB.demo-board-b");

    private static final Logger LOG = Logger.getLogger(DemoBoards.class);

    @Transactional
    void enrol(@Observes @Priority(3000) StartupEvent start, OpdConfig config, Facility facility) {
        if (!config.demo().seed()) {
            return;
        }
        KEYS.forEach((code, key) -> Device.findByCode(facility.code(), code)
                .filter(d -> d.kind == DeviceKind.BOARD && d.secretHash == null)
                .ifPresent(pc -> {
                    pc.secretHash = Hashes.sha256Hex(key.substring(key.indexOf('.') + 1));
                    LOG.infof("Demo board PC %s enrolled with the key %s", code, key);
                }));
    }
}
