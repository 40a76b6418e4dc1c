package org.opdqueue.appointment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A service's own check-in window around a slot, set by an admin; without one the configured defaults count. */
@Entity
@Table(name = "appointment_window")
public class AppointmentWindow extends PanacheEntityBase {

    @Id
    @Column(name = "service_id")
    public Long serviceId;

    @Column(name = "early_minutes")
    public int earlyMinutes;

    @Column(name = "late_minutes")
    public int lateMinutes;

    @Version
    public long version;
}
