package org.opdqueue.display;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OpenConnections;

import org.opdqueue.common.Facility;
import org.opdqueue.common.ProblemException;
import org.opdqueue.device.Device;
import org.opdqueue.device.DeviceKind;
import org.opdqueue.journal.Journal;
import org.opdqueue.journal.JournalEntryBuilder;
import org.opdqueue.journal.JournalEventType;

/**
 * Board PC keys: like a kiosk's, a random secret shown once ({@code <code>.<secret>}), kept only as its SHA-256 on
 * the device. The socket's upgrade check runs on the event loop and must stay cheap under a flood of made-up keys,
 * so it checks against the active board PCs held in memory, read again every few seconds and after each change; a
 * read that fails (database away) keeps the last list, so boards still connect during an outage.
 */
@ApplicationScoped
public class BoardKeys {

    private static final Logger LOG = Logger.getLogger(BoardKeys.class);

    private final Facility facility;
    private final OpenConnections connections;
    private final Journal journal;
    private final SecurityIdentity admin;
    /** Secret hash by device code, of the active board PCs that hold a key. */
    private volatile Map<String, String> hashes = Map.of();

    public BoardKeys(Facility facility, OpenConnections connections, Journal journal, SecurityIdentity admin) {
        this.facility = facility;
        this.connections = connections;
        this.journal = journal;
        this.admin = admin;
    }

    public record Issued(String deviceCode, String key) {
    }

    /** The board PC that holds this key ({@code <code>.<secret>}), if any. */
    public Optional<String> deviceFor(String key) {
        if (key == null || key.indexOf('.') < 1) {
            return Optional.empty();
        }
        String code = key.substring(0, key.indexOf('.'));
        String known = hashes.get(code);
        if (known == null) {
            return Optional.empty();
        }
        return Device.keyMatches(known, key.substring(key.indexOf('.') + 1)) ? Optional.of(code) : Optional.empty();
    }

    /** A new key for the board PC: its old one stops working, and the boards open with it are closed. */
    public Issued issue(String deviceCode) {
        Issued issued = QuarkusTransaction.requiringNew().call(() -> {
            Device device = Device.<Device>find("facility = ?1 and code = ?2", facility.code(), deviceCode)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                    .orElseThrow(() -> ProblemException.notFound("Device", deviceCode));
            if (device.kind != DeviceKind.BOARD || !device.active) {
                throw ProblemException.illegal("Only an active board PC gets a board key; " + deviceCode + " is not one");
            }
            Issued made = new Issued(device.code, device.newKey());
            journal.append(JournalEventType.DEVICE_KEY_ISSUED, JournalEntryBuilder.system()
                    .actor(admin.getPrincipal().getName())
                    .detail("key of board PC " + device.code + " issued; any earlier key stops working"));
            return made;
        });
        refresh();
        return issued;
    }

    /** The board PC's key stops working at once, and the boards open with it are closed. */
    public void revoke(String deviceCode) {
        QuarkusTransaction.requiringNew().run(() -> {
            Device device = Device.findByCode(facility.code(), deviceCode)
                    .filter(d -> d.kind == DeviceKind.BOARD)
                    .orElseThrow(() -> ProblemException.notFound("Board PC", deviceCode));
            device.secretHash = null;
            journal.append(JournalEventType.DEVICE_KEY_REVOKED, JournalEntryBuilder.system()
                    .actor(admin.getPrincipal().getName()).detail("key of board PC " + device.code + " revoked"));
        });
        refresh();
    }

    /** After the demo seed has enrolled its board PCs. */
    void load(@Observes @Priority(4000) StartupEvent start) {
        refresh();
    }

    /**
     * Reads the board PCs again: also catches a PC switched off on the admin pages or by another server, whose
     * open boards are then closed.
     */
    @Scheduled(every = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        Map<String, String> read;
        try {
            read = QuarkusTransaction.requiringNew().call(() -> Device.listFor(facility.code()).stream()
                    .filter(d -> d.kind == DeviceKind.BOARD && d.active && d.secretHash != null)
                    .collect(Collectors.toUnmodifiableMap(d -> d.code, d -> d.secretHash)));
        } catch (RuntimeException e) {
            LOG.debugf("Board PC keys not read again (%s); the last ones stay valid", e.getMessage());
            return;
        }
        Map<String, String> before = hashes;
        hashes = read;
        before.forEach((code, hash) -> {
            if (!hash.equals(read.get(code))) {
                disconnect(code, "key no longer valid");
            }
        });
    }

    private void disconnect(String deviceCode, String why) {
        connections.findByEndpointId(DisplaySocket.ENDPOINT).stream()
                .filter(c -> deviceCode.equals(c.userData().get(BoardAdmission.DEVICE)))
                .forEach(c -> c.close(new CloseReason(4401, why)).subscribe().with(ok -> {
                }, failure -> {
                }));
    }
}
