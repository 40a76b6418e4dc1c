package org.opdqueue.device;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.opdqueue.common.Hashes;

/** An enrolled kiosk or board PC. Deactivated rather than deleted: offline tokens name the device that made them. */
@Entity
@Table(name = "device")
public class Device extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String facility;

    public String code;

    public String name;

    @Enumerated(EnumType.STRING)
    public DeviceKind kind;

    public boolean active;

    /** The letter(s) in this kiosk's offline numbers (MED-K007); given with its first credential. */
    @Column(name = "number_series")
    public String numberSeries;

    /** SHA-256 of the device's current secret (a kiosk's or a board PC's); null when it has none or it was revoked. */
    @Column(name = "secret_hash")
    public String secretHash;

    /** When the kiosk last spoke to the server online (an online token, a reserve); null before it has. */
    @Column(name = "online_at")
    public Instant onlineAt;

    @Version
    public long version;

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Counts changes made to devices through this entity in this process (an admin's edit, a key issued or revoked),
     * so a device read kept for a moment knows when it is out of date. Bulk updates (a kiosk's online time) leave it.
     */
    private static final AtomicLong CHANGES = new AtomicLong();

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed() {
        CHANGES.incrementAndGet();
    }

    /** How many device changes this process has made so far (see {@link #CHANGES}). */
    public static long changes() {
        return CHANGES.get();
    }

    /**
     * A new secret for this device, whose hash replaces the old one (which stops working): the key it is given once,
     * {@code <code>.<secret>}. Only the hash is stored.
     */
    public String newKey() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        secretHash = Hashes.sha256Hex(secret);
        return code + "." + secret;
    }

    /** Whether {@code secret} is the one whose hash is {@code secretHash}, compared in constant time; false for none. */
    public static boolean keyMatches(String secretHash, String secret) {
        return secretHash != null && MessageDigest.isEqual(secretHash.getBytes(StandardCharsets.US_ASCII),
                Hashes.sha256Hex(secret).getBytes(StandardCharsets.US_ASCII));
    }

    public static List<Device> listFor(String facility) {
        return list("facility = ?1 order by kind, code", facility);
    }

    public static Optional<Device> findByCode(String facility, String code) {
        return find("facility = ?1 and code = ?2", facility, code).firstResultOptional();
    }

    public static Optional<Device> findInFacility(String facility, long id) {
        return find("facility = ?1 and id = ?2", facility, id).firstResultOptional();
    }
}
