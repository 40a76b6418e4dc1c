package org.opdqueue.device;

import java.util.List;
import java.util.Optional;

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

    @Version
    public long version;

    public static List<Device> listFor(String facility) {
        return list("facility = ?1 order by kind, code", facility);
    }

    public static Optional<Device> findInFacility(String facility, long id) {
        return find("facility = ?1 and id = ?2", facility, id).firstResultOptional();
    }
}
