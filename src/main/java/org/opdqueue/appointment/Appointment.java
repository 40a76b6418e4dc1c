package org.opdqueue.appointment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An appointment booked elsewhere, imported so the patient can check in here for a token. */
@Entity
@Table(name = "appointment")
public class Appointment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String facility;

    @Column(name = "appointment_number")
    public String number;

    @Column(name = "service_id")
    public Long serviceId;

    @Column(name = "slot_start")
    public Instant slotStart;

    @Column(name = "business_day")
    public LocalDate businessDay;

    @Column(name = "patient_name")
    public String patientName;

    @Column(name = "patient_mobile")
    public String patientMobile;

    @Column(name = "patient_ref")
    public String patientRef;

    public boolean cancelled;

    @Column(name = "choice_code")
    public String choiceCode;

    @Column(name = "token_id")
    public Long tokenId;

    @Column(name = "checked_in_at")
    public Instant checkedInAt;

    @Column(name = "late_walk_in")
    public boolean lateWalkIn;

    @Column(name = "imported_at")
    public Instant importedAt;

    @Version
    public long version;

    public boolean checkedIn() {
        return tokenId != null;
    }

    /** What a kiosk may show of the patient: the initials of the name, never the name or the mobile. */
    public String initials() {
        if (patientName == null || patientName.isBlank()) {
            return "";
        }
        StringBuilder initials = new StringBuilder();
        for (String part : patientName.strip().split("\\s+")) {
            initials.appendCodePoint(Character.toUpperCase(part.codePointAt(0))).append('.');
        }
        return initials.toString();
    }

    public static Optional<Appointment> findByNumber(String facility, String number) {
        return find("facility = ?1 and number = ?2", facility, number).firstResultOptional();
    }

    public static Optional<Appointment> findByChoice(String facility, String choiceCode) {
        return find("facility = ?1 and choiceCode = ?2", facility, choiceCode).firstResultOptional();
    }

    public static List<Appointment> ofMobile(String facility, LocalDate day, String mobile) {
        return list("facility = ?1 and businessDay = ?2 and patientMobile = ?3 order by slotStart, id", facility, day,
                mobile);
    }

    public static List<Appointment> ofDay(String facility, LocalDate day) {
        return list("facility = ?1 and businessDay = ?2 order by slotStart, id", facility, day);
    }
}
