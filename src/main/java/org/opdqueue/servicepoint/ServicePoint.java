package org.opdqueue.servicepoint;

import java.time.LocalTime;
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

import org.opdqueue.common.ProblemException;

/** A department or service point with its own queue, e.g. General Medicine ({@code MED}). */
@Entity
@Table(name = "service_point")
public class ServicePoint extends PanacheEntityBase {

    /** The department pictures the kiosk can draw (the keys of {@code PICTOGRAMS} in kiosk-ui/pictograms.js). */
    public static final List<String> PICTOGRAMS = List.of("GENERAL_MEDICINE", "ORTHOPAEDICS", "EYE", "ENT", "DENTAL",
            "PAEDIATRICS", "GYNAECOLOGY", "SKIN", "CARDIOLOGY", "LAB", "XRAY", "PHARMACY", "PHYSIOTHERAPY", "PSYCHIATRY",
            "SURGERY", "GENERAL");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String facility;

    public String code;

    @Column(name = "name_en")
    public String nameEn;

    @Column(name = "name_hi")
    public String nameHi;

    @Column(name = "token_prefix")
    public String tokenPrefix;

    @Column(name = "opens_at")
    public LocalTime opensAt;

    @Column(name = "closes_at")
    public LocalTime closesAt;

    /** At most this many priority tokens are called in a row while general tokens wait; 0 = issue order only. */
    @Column(name = "priority_interleave")
    public int priorityInterleave;

    @Column(name = "default_service_seconds")
    public int defaultServiceSeconds;

    @Column(name = "room_hint")
    public String roomHint;

    /** The same "where" in Hindi, for Hindi screens, the slip and the phone page (blank: the English one is shown). */
    @Column(name = "room_hint_hi")
    public String roomHintHi;

    /** The kiosk shows departments by this, then by code. */
    @Column(name = "display_order")
    public int displayOrder;

    /** One of the kiosk's built-in pictures ({@link #PICTOGRAMS}), or null for none. */
    public String pictogram;

    public boolean active;

    @Version
    public long version;

    /** The active departments in the order the admin chose for the kiosk (then by code). */
    public static List<ServicePoint> activeInKioskOrder(String facility) {
        return list("facility = ?1 and active = true order by displayOrder, code", facility);
    }

    /** The "where" in Hindi when there is one, else the English one (a room number reads the same). */
    public String roomHintIn(String lang) {
        return "hi".equals(lang) && roomHintHi != null && !roomHintHi.isBlank() ? roomHintHi : roomHint;
    }

    public static Optional<ServicePoint> findByCode(String facility, String code) {
        return find("facility = ?1 and code = ?2", facility, code).firstResultOptional();
    }

    /** The active service a client named (any case, spaces around), or a 404 problem. */
    public static ServicePoint activeByCode(String facility, String code) {
        return findByCode(facility, code == null ? "" : code.strip().toUpperCase()).filter(s -> s.active)
                .orElseThrow(() -> ProblemException.notFound("Service", code));
    }

    /** Saves a new service together with its queue's call-policy row. */
    public void persistWithQueue() {
        persist();
        QueueState queue = new QueueState();
        queue.serviceId = id;
        queue.facility = facility;
        queue.persist();
    }

    public String displayNumber(String series, int number) {
        return tokenPrefix + "-" + series + String.format("%03d", number);
    }
}
