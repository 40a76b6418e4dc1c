package org.opdqueue.offline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.security.identity.SecurityIdentity;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.common.ProblemException;
import org.opdqueue.common.ProblemType;
import org.opdqueue.common.QuickReads;
import org.opdqueue.device.Device;
import org.opdqueue.device.DeviceKind;
import org.opdqueue.journal.Journal;
import org.opdqueue.journal.JournalEntryBuilder;
import org.opdqueue.journal.JournalEventType;
import org.opdqueue.token.NumberSeries;

/**
 * Kiosk credentials: a random secret shown once to the admin who enrols the kiosk, kept only as its SHA-256
 * (the secret is long and random, so a slow hash adds nothing), revocable at any time. A kiosk sends
 * {@code Authorization: Device <code>.<secret>}.
 */
@ApplicationScoped
public class DeviceCredentials {

    /**
     * Letters for number series; I and O are left out, they read as 1 and 0 on a slip, and P, which is the paper
     * books' series ({@link NumberSeries#PAPER}).
     */
    static final String SERIES = "KLMNQRSTUVWXYZABCDEFGHJ";


    /** A busy kiosk's online moment is written at most this often; the merge allows for more than this. */
    private static final Duration ONLINE_PRECISION = Duration.ofSeconds(5);

    /** Whether a kiosk may hold this series: one or two of the letters above (so never the paper books' P). */
    public static boolean isKioskSeries(String series) {
        return series != null && series.length() >= 1 && series.length() <= 2
                && series.chars().allMatch(c -> SERIES.indexOf(c) >= 0);
    }

    private final Facility facility;
    private final HospitalClock clock;
    private final Journal journal;
    private final SecurityIdentity admin;
    private final QuickReads reads;
    /**
     * What the database said last of each kiosk that showed a key, and when: only real kiosks, so no longer than the
     * device list. The fallback while the database does not answer, and the issue path's recent check.
     */
    private final Map<String, Checked> lastRead = new ConcurrentHashMap<>();

    /** How long a passed key check is taken for issuing without reading the device again (see authenticateToIssue). */
    static final Duration CHECK_HOLDS = Duration.ofSeconds(1);

    /** A kiosk as read: when (System.nanoTime, taken before the read) and how many device changes had been made then. */
    private record Checked(Device device, long at, long changes) {
    }

    public DeviceCredentials(Facility facility, HospitalClock clock, Journal journal, SecurityIdentity admin,
            QuickReads reads) {
        this.facility = facility;
        this.clock = clock;
        this.reads = reads;
        this.journal = journal;
        this.admin = admin;
    }

    public record Issued(String deviceCode, String series, String key) {
    }

    /** A new secret for the kiosk (the old one stops working) and, the first time, its number series. */
    @Transactional
    public Issued issue(String deviceCode) {
        Device device = Device.<Device>find("facility = ?1 and code = ?2", facility.code(), deviceCode)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Device", deviceCode));
        if (device.kind != DeviceKind.KIOSK || !device.active) {
            throw ProblemException.illegal("Only an active kiosk gets a credential; " + deviceCode + " is not one");
        }
        if (device.numberSeries == null) {
            device.numberSeries = freeSeries();
        }
        if (NumberSeries.isPaper(device.numberSeries)) {
            throw ProblemException.illegal("Series " + device.numberSeries + " belongs to paper token books, not to kiosk "
                    + deviceCode);
        }
        String key = device.newKey();
        journal.append(JournalEventType.DEVICE_KEY_ISSUED, JournalEntryBuilder.system().actor(admin.getPrincipal().getName())
                .detail("key of kiosk " + device.code + " issued (series " + device.numberSeries + "); any earlier key stops working"));
        return new Issued(device.code, device.numberSeries, key);
    }

    @Transactional
    public void revoke(String deviceCode) {
        Device device = Device.findByCode(facility.code(), deviceCode)
                .orElseThrow(() -> ProblemException.notFound("Device", deviceCode));
        device.secretHash = null;
        journal.append(JournalEventType.DEVICE_KEY_REVOKED, JournalEntryBuilder.system().actor(admin.getPrincipal().getName())
                .detail("key of kiosk " + device.code + " revoked"));
    }

    /**
     * The enrolled kiosk that sent this Authorization header, or a 401 problem. Read for every request, so a revoked
     * key counts at once; while the database does not answer in a moment, what it said last about this kiosk counts
     * (a 503 for a kiosk not seen since the server started).
     */
    public Device authenticate(String authorization) {
        if (authorization == null || !authorization.startsWith("Device ") || !authorization.contains(".")) {
            throw unauthenticated();
        }
        String key = authorization.substring("Device ".length()).strip();
        String code = key.substring(0, key.indexOf('.'));
        String secret = key.substring(key.indexOf('.') + 1);
        if (code.isEmpty() || code.length() > 32) {
            throw unauthenticated();
        }
        long changes = Device.changes();
        long at = System.nanoTime();
        Optional<Device> device = reads.within(() -> Device.findByCode(facility.code(), code)).map(found -> {
            found.ifPresentOrElse(d -> lastRead.put(code, new Checked(d, at, changes)), () -> lastRead.remove(code));
            return found;
        }).orElseGet(() -> Optional.of(Optional.ofNullable(lastRead.get(code)).map(Checked::device).orElseThrow(
                () -> new ProblemException(ProblemType.DEGRADED, "The database cannot be reached, and kiosk " + code
                        + " has not been seen since the server started."))));
        return device
                .filter(d -> d.active && Device.keyMatches(d.secretHash, secret))
                .orElseThrow(DeviceCredentials::unauthenticated);
    }

    /**
     * As {@link #authenticate}, for the issue path, which a busy kiosk calls several times a second: a key that passed
     * within {@link #CHECK_HOLDS} is taken without reading the device again (the read, a transaction on another
     * thread, cost more CPU than the rest of authenticating). A key issued or revoked, or a device edited, in this
     * process counts at once; on another node within that second.
     */
    public Device authenticateToIssue(String authorization) {
        Device recent = passedRecently(authorization);
        return recent != null ? recent : authenticate(authorization);
    }

    /**
     * The kiosk whose key passed within {@link #CHECK_HOLDS} (see {@link #authenticateToIssue}), or null when it has to
     * be read: no database, so the issue endpoint asks this on its event loop and reads on a worker only when null.
     */
    public Device passedRecently(String authorization) {
        int dot = authorization == null ? -1 : authorization.indexOf('.');
        if (dot > 0 && authorization.startsWith("Device ")) {
            String code = authorization.substring("Device ".length(), dot).strip();
            Checked last = lastRead.get(code);
            if (last != null && last.changes() == Device.changes() && System.nanoTime() - last.at() < CHECK_HOLDS.toNanos()
                    && last.device().active
                    && Device.keyMatches(last.device().secretHash, authorization.substring(dot + 1).stripTrailing())) {
                return last.device();
            }
        }
        return null;
    }

    /**
     * Notes that the kiosk is online now (it issues or reserves), without touching its version: an admin's edit of
     * the device at the same moment must not fail for it. Offline tokens it merges later cannot be older than this.
     */
    public void online(Device kiosk) {
        Instant now = clock.now();
        if (kiosk.onlineAt == null || kiosk.onlineAt.isBefore(now.minus(ONLINE_PRECISION))) {
            // written soon, not waited for: a database that stopped answering must not hold the kiosk's issue
            reads.soon(() -> Device.update("onlineAt = ?1 where id = ?2", now, kiosk.id));
            kiosk.onlineAt = now; // the kiosk as authenticateToIssue keeps it: written, so not again for a while
        }
    }

    private String freeSeries() {
        List<String> taken = Device.<Device>list("facility = ?1 and numberSeries is not null", facility.code()).stream()
                .map(d -> d.numberSeries).toList();
        for (char c : SERIES.toCharArray()) {
            if (!taken.contains(String.valueOf(c))) {
                return String.valueOf(c);
            }
        }
        for (char a : SERIES.toCharArray()) {
            for (char b : SERIES.toCharArray()) {
                if (!taken.contains("" + a + b)) {
                    return "" + a + b;
                }
            }
        }
        throw ProblemException.illegal("Every number series is taken");
    }

    private static ProblemException unauthenticated() {
        return new ProblemException(ProblemType.UNAUTHENTICATED,
                "An enrolled kiosk's credential is required: Authorization: Device <code>.<secret>");
    }
}
