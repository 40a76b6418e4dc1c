package org.opdqueue.archive;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.common.OpdConfig;
import org.opdqueue.common.Hashes;
import org.opdqueue.journal.JournalSealer;
import org.opdqueue.setup.SetupDocument;
import org.opdqueue.setup.SetupExport;
import org.opdqueue.status.SystemMode;

/**
 * Ships the sealed journal to the archive directory, a segment at a time, every second. Where it has got to is read
 * from the archive itself at the first run (its last segment), so that a new or replaced disk starts from the
 * beginning of the journal, and is kept in {@code archive_position} for the dashboard. A segment written after the
 * set-up changed (and the first one after a start) comes with the set-up as it is then, named by the segment. Where
 * several nodes share the database, only the one holding the archive's lock ({@link ShippingLock}) ships; the others
 * check every second whether it is free (its holder dead) and take over where the archive ends.
 */
@ApplicationScoped
@Named("journalArchive") // the admin dashboard shows status() (inject:journalArchive), without admin depending on this
public class ArchiveShipper {

    private static final Logger LOG = Logger.getLogger(ArchiveShipper.class);

    private final OpdConfig.Archive config;
    private final Facility facility;
    private final HospitalClock clock;
    private final DataSource db;
    private final EntityManager em;
    private final SystemMode mode;
    private final JournalSealer sealer;
    private final boolean sealing;
    private final SetupExport export;
    private final ArchiveKeyStore keys;
    private final ObjectMapper json;
    private final ShippingLock lock;

    private DirectoryTarget target;
    /** Where the archive has got to; null until read from the target. */
    private volatile Segment.Link position;
    /** The oldest entry not yet in the archive, as last seen (null: none); the lag grows from it while nothing ships. */
    private volatile Instant oldestUnarchived;
    private volatile Instant lastShipped;
    private volatile String lastProblem;
    /** What the set-up file archived last holds (its content hash); null: none yet since this start. */
    private String lastSetupHash;

    @Inject
    public ArchiveShipper(OpdConfig config, Facility facility, HospitalClock clock, DataSource db, EntityManager em,
            SystemMode mode, JournalSealer sealer, SetupExport export, ArchiveKeyStore keys, ObjectMapper json) {
        this(config, facility, clock, db, em, mode, sealer, export, keys, json, nodeName(config));
    }

    /** A shipper named as another node (a test's second node on the same database). */
    ArchiveShipper(OpdConfig config, Facility facility, HospitalClock clock, DataSource db, EntityManager em,
            SystemMode mode, JournalSealer sealer, SetupExport export, ArchiveKeyStore keys, ObjectMapper json,
            String node) {
        this.config = config.archive();
        this.facility = facility;
        this.clock = clock;
        this.db = db;
        this.em = em;
        this.mode = mode;
        this.sealer = sealer;
        this.sealing = config.journal().sealing();
        this.export = export;
        this.keys = keys;
        this.json = json;
        this.lock = new ShippingLock(db, facility.code(), node);
    }

    /** As the server heartbeat names this node: opd.node.name, else the host name. */
    private static String nodeName(OpdConfig config) {
        String name = config.node().name().filter(n -> !n.isBlank()).orElseGet(() -> {
            try {
                return java.net.InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                return "server";
            }
        });
        return name.length() <= 64 ? name : name.substring(0, 64);
    }

    /** What the dashboard and /q/health show. */
    /** shipper: the node that ships (null: not known yet); shipsHere: this node. */
    public record Status(boolean enabled, String target, long segment, long lastSeq, Instant lastShipped,
            Duration lag, String problem, String shipper, boolean shipsHere) {
        public long lagSeconds() {
            return lag.toSeconds();
        }
    }

    public Status status() {
        Segment.Link at = position;
        Instant oldest = oldestUnarchived;
        Duration lag = oldest == null ? Duration.ZERO : Duration.between(oldest, clock.now());
        return new Status(config.enabled(), config.directory().orElse(null), at == null ? 0 : at.segment(),
                at == null ? 0 : at.lastSeq(), lastShipped, lag.isNegative() ? Duration.ZERO : lag, lastProblem,
                config.enabled() ? lock.shipper() : null, config.enabled() && lock.heldHere());
    }

    @Scheduled(every = "${opd.archive.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        if (!config.enabled() || mode.degraded()) {
            return;
        }
        try {
            ship();
            lastProblem = null;
        } catch (IOException | SQLException | RuntimeException e) {
            if (lastProblem == null) {
                LOG.warnf("The journal archive at %s is behind: %s (retrying every %s)", config.directory().orElse("?"),
                        e.getMessage(), config.interval());
            }
            lastProblem = e.getMessage();
        }
    }

    /**
     * Ships every sealed entry not yet archived; returns how many segments were written. Nothing on a node that does
     * not hold the archive's lock: there it only keeps the lag, from where the shipping node has recorded it got to.
     */
    public synchronized int ship() throws IOException, SQLException {
        ShippingLock.Seen seen = lock.check();
        if (!seen.held()) {
            position = null; // read from the archive again if this node takes over: the other one wrote on meanwhile
            oldestUnarchived = JournalRows.oldestAfter(db, facility.code(), seen.lastSeq());
            return 0;
        }
        if (seen.acquiredNow()) {
            position = null;
            lastSetupHash = null;
        }
        DirectoryTarget to = target();
        if (sealing) {
            sealer.seal(); // so that what committed just now goes with this segment, not the next
        }
        int written = 0;
        try {
            if (position == null) {
                position = resume(to, segmentOnRecord());
            } else if (position.segment() > 0 && !to.has(Segment.fileName(position.segment()))) {
                throw unmounted(to, position.segment()); // unmounted since the last run
            }
            while (true) {
                List<Map<String, Object>> rows = JournalRows.sealedAfter(db, facility.code(), position.lastSeq(),
                        config.maxEntries());
                if (rows.isEmpty() || (written > 0 && !lock.check().held())) {
                    return written;
                }
                Segment.Link previous = position;
                long lastSeq = ((Number) rows.get(rows.size() - 1).get("seq")).longValue();
                List<Segment.SetupFile> setups = new ArrayList<>();
                Segment.SetupFile setup = archiveSetupIfChanged(to, lastSeq);
                if (setup != null) {
                    setups.add(setup);
                }
                byte[] segment = Segment.write(facility.code(), previous, rows, keys.publicKey(), setups);
                String name = Segment.fileName(previous.segment() + 1);
                to.add(name, segment);
                position = Segment.read(name, segment).link();
                lastShipped = clock.now();
                remember(position);
                written++;
            }
        } finally {
            // position unknown: the archive could not be read at all, so nothing counts as archived
            oldestUnarchived = JournalRows.oldestAfter(db, facility.code(), position == null ? 0 : position.lastSeq());
        }
    }

    /**
     * The set-up as of entry {@code seq}, when it is not the one archived last (a change made on the admin pages, an
     * import, a kiosk's new key, a password); null when it is. The first segment after a start always carries one.
     */
    private Segment.SetupFile archiveSetupIfChanged(DirectoryTarget to, long seq) throws IOException {
        ArchivedSetup file = QuarkusTransaction.requiringNew().call(() -> setupNow(seq));
        if (file.contentHash().equals(lastSetupHash)) {
            return null;
        }
        String name = ArchivedSetup.fileName(seq);
        byte[] bytes = json.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(file);
        if (!to.setups().contains(name)) {
            to.add(name, bytes);
        } else {
            bytes = to.read(name); // written by a run that stopped before its segment: the segment names that one
        }
        lastSetupHash = file.contentHash();
        return new Segment.SetupFile(name, Segment.sha256(bytes));
    }

    private ArchivedSetup setupNow(long seq) {
        String f = facility.code();
        Map<String, Map<String, Long>> ids = new LinkedHashMap<>();
        for (String[] table : new String[][] { { "service_point", "code" }, { "counter", "code" }, { "board", "code" },
                { "device", "code" }, { "priority_category", "code" }, { "staff_user", "username" } }) {
            Map<String, Long> byKey = new LinkedHashMap<>();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT " + table[1] + ", id FROM " + table[0]
                    + " WHERE facility = ?1 ORDER BY id").setParameter(1, f).getResultList();
            rows.forEach(r -> byKey.put((String) r[0], ((Number) r[1]).longValue()));
            ids.put(table[0], byKey);
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> staff = em.createNativeQuery("SELECT username, password_hash FROM staff_user WHERE facility = ?1 "
                + "ORDER BY username").setParameter(1, f).getResultList();
        staff.forEach(r -> passwords.put((String) r[0], (String) r[1]));
        String publicKey = keys.publicKey();
        SegmentCipher cipher = SegmentCipher.forWriting(publicKey);
        try {
            SetupDocument setup = export.export();
            String content = Hashes.sha256Hex(json.writeValueAsString(List.of(ids, setup, passwords)));
            return new ArchivedSetup(ArchivedSetup.FORMAT, f, seq, content, ArchiveKeys.fingerprint(publicKey),
                    cipher.ephemeralKey, ids, setup, cipher.encrypt(seq, json.writeValueAsString(passwords)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Where to go on from: the end of the target's last segment, unless the server has a record of writing further
     * than the target holds. That is a share that is not mounted (its empty mount point on the local disk): writing
     * there would fill the server's own disk with an archive that goes down with it.
     */
    static Segment.Link resume(DirectoryTarget to, long segmentOnRecord) throws IOException {
        Segment.Link last = lastLinkIn(to);
        if (last.segment() < segmentOnRecord) {
            throw unmounted(to, segmentOnRecord);
        }
        return last;
    }

    private static IOException unmounted(DirectoryTarget to, long segment) {
        return new IOException(to + " does not hold " + Segment.fileName(segment) + ", which this server wrote there: "
                + "is the archive share mounted? Nothing is written until it is back");
    }

    private long segmentOnRecord() {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT segment FROM archive_position WHERE facility = ?1").setParameter(1, facility.code())
                .getResultList());
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }

    /** The end of the archive's last segment; the start when the target holds none. */
    static Segment.Link lastLinkIn(DirectoryTarget to) {
        List<String> segments = to.segments();
        if (segments.isEmpty()) {
            return Segment.Link.START;
        }
        String last = segments.get(segments.size() - 1);
        return Segment.read(last, to.read(last)).link();
    }

    private void remember(Segment.Link at) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO archive_position (facility, segment, last_seq, segment_hash, chain_hash, shipped_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                ON DUPLICATE KEY UPDATE segment = VALUES(segment), last_seq = VALUES(last_seq),
                  segment_hash = VALUES(segment_hash), chain_hash = VALUES(chain_hash), shipped_at = VALUES(shipped_at)""")
                .setParameter(1, facility.code()).setParameter(2, at.segment()).setParameter(3, at.lastSeq())
                .setParameter(4, at.segmentHash()).setParameter(5, at.chainHash()).setParameter(6, clock.now())
                .executeUpdate());
    }

    /** Another node takes over at its next run (1 s) instead of after the database notices this one is gone. */
    @jakarta.annotation.PreDestroy
    void stopping() {
        lock.release();
    }

    private DirectoryTarget target() {
        if (target == null) {
            target = new DirectoryTarget(Path.of(config.directory().orElseThrow(() -> new IllegalStateException(
                    "opd.archive.directory is not set: where should the journal archive go?"))));
        }
        return target;
    }
}
