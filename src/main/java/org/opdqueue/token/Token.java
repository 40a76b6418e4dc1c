package org.opdqueue.token;

import java.time.Instant;
import java.time.LocalDate;
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

/** One patient's place in one service's queue for one business day. */
@Entity
@Table(name = "token")
public class Token extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String facility;

    /** Unguessable code for the patient's status page; the numeric id is for staff and tools. */
    @Column(name = "public_code")
    public String publicCode;

    @Column(name = "business_day")
    public LocalDate businessDay;

    @Column(name = "number_service_id")
    public Long numberServiceId;

    @Column(name = "number_series")
    public String numberSeries;

    public int number;

    @Column(name = "display_number")
    public String displayNumber;

    @Column(name = "service_id")
    public Long serviceId;

    public String priority;

    @Column(name = "is_priority")
    public boolean priorityLane;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    public TokenStatus status;

    @Column(name = "issued_at")
    public Instant issuedAt;

    @Column(name = "queued_at")
    public Instant queuedAt;

    @Column(name = "called_at")
    public Instant calledAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "counter_id")
    public Long counterId;

    @Column(name = "call_count")
    public int callCount;

    @Column(name = "patient_name")
    public String patientName;

    @Column(name = "patient_age")
    public Integer patientAge;

    @Enumerated(EnumType.STRING)
    @Column(name = "patient_sex")
    public Sex patientSex;

    @Column(name = "patient_mobile")
    public String patientMobile;

    @Column(name = "patient_abha")
    public String patientAbha;

    @Column(name = "patient_uhid")
    public String patientUhid;

    public boolean degraded;

    @Column(name = "device_id")
    public String deviceId;

    @Column(name = "device_time")
    public Instant deviceTime;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Version
    public long version;

    public static Optional<Token> findInFacility(String facility, long id) {
        return find("facility = ?1 and id = ?2", facility, id).firstResultOptional();
    }

    public static Optional<Token> findByDisplayNumber(String facility, LocalDate day, String displayNumber) {
        return find("facility = ?1 and businessDay = ?2 and displayNumber = ?3", facility, day, displayNumber)
                .firstResultOptional();
    }

    public static Optional<Token> findByPublicCode(String facility, String code) {
        return find("facility = ?1 and publicCode = ?2", facility, code).firstResultOptional();
    }
}
