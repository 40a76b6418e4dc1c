package org.opdqueue.device;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

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

    /** SHA-256 of the kiosk's current secret; null when it has none or it was revoked. */
    @Column(name = "secret_hash")
    public String secretHash;

    /** When the kiosk last spoke to the server online (an online token, a reserve); null before it has. */
    @Column(name = "online_at")
    public Instant onlineAt;

    @Version
    public long version;

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
