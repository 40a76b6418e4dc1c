package org.opdqueue.token;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.opdqueue.common.ProblemException;
import org.opdqueue.journal.JournalToken;
import org.opdqueue.journal.WaitingPlace;
import org.opdqueue.servicepoint.PriorityCategory;
import org.opdqueue.servicepoint.ServicePoint;

/** One patient's place in one service's queue for one business day. */
@Entity
@Table(name = "token")
public class Token extends PanacheEntityBase {

    private static final SecureRandom RANDOM = new SecureRandom();

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

    /** An offline kiosk token merged although no reserved block on record held its number (see OfflineSync). */
    @Column(name = "reservation_unknown")
    public boolean reservationUnknown;

    /** Consent to be messaged on the mobile number (issue 17); see {@link PatientDetails#consentsToMessages()}. */
    @Column(name = "notify_consent")
    public boolean notifyConsent;

    @Column(name = "notify_language")
    public String notifyLanguage;

    /** The wait in minutes the patient was told at issue (see token/PlacesAtIssue); null offline and on paper. */
    @Column(name = "estimated_wait_at_issue")
    public Integer estimatedWaitAtIssue;

    /**
     * The queue this token stood in when it was last journaled or loaded (null: not waiting, or new). Each journal
     * entry says where the token waited before it and where after, and the journal keeps the waiting counts by it.
     */
    @Transient
    private WaitingPlace journaledWaiting;

    @PostLoad
    void loaded() {
        journaledWaiting = waitingPlace();
    }

    private WaitingPlace waitingPlace() {
        return status == TokenStatus.WAITING && serviceId != null ? new WaitingPlace(serviceId, businessDay, priorityLane)
                : null;
    }

    @Version
    public long version;

    /**
     * A new token waiting in a service's queue since it was issued. Online issuing, the offline merge and paper
     * back-entry all start here and then add what their channel knows (device, time on the device).
     */
    public static Token waiting(String facility, ServicePoint service, PriorityCategory category, Channel channel,
            String series, int number, String displayNumber, Instant issuedAt, LocalDate businessDay, Instant receivedAt,
            PatientDetails patient) {
        Token token = new Token();
        token.facility = facility;
        token.publicCode = newPublicCode();
        token.businessDay = businessDay;
        token.numberServiceId = service.id;
        token.numberSeries = series;
        token.number = number;
        token.displayNumber = displayNumber;
        token.serviceId = service.id;
        token.priority = category.code;
        token.priorityLane = category.priority;
        token.channel = channel;
        token.status = TokenStatus.WAITING;
        token.issuedAt = issuedAt;
        token.queuedAt = issuedAt;
        token.receivedAt = receivedAt;
        if (patient != null) {
            token.patientName = patient.trimmedName();
            token.patientAge = patient.age();
            token.patientSex = patient.sex();
            token.patientMobile = patient.mobile();
            token.patientAbha = patient.abhaDigits();
            token.patientUhid = patient.uhid();
            token.notifyConsent = patient.consentsToMessages();
            token.notifyLanguage = token.notifyConsent ? patient.language() : null;
        }
        return token;
    }

    /** Also: only a token closed at a counter can be taken back there (not a paper slip taken as served). */
    public boolean allows(TokenTransition transition) {
        return transition.allowedFrom(status) && (transition != TokenTransition.UNDO || counterId != null);
    }

    /** Refuses (409, illegal-transition) unless the token may go through {@code transition} in its state now. */
    public void require(TokenTransition transition) {
        if (allows(transition)) {
            return;
        }
        throw ProblemException.illegal(transition == TokenTransition.CALL
                ? "Token " + displayNumber + " is " + status + ", it cannot be called"
                : "Token " + displayNumber + " is " + status + "; only a token that is " + transition.from() + " can be "
                        + transition.verb());
    }

    /** Called to a counter: a fresh visit to it, so not started yet. */
    public void call(long counterId, Instant at) {
        require(TokenTransition.CALL);
        status = TokenStatus.CALLED;
        this.counterId = counterId;
        calledAt = at;
        startedAt = null;
        callCount++;
    }

    /** Called again to the same counter (the patient did not hear it). */
    public void recall() {
        require(TokenTransition.RECALL);
        callCount++;
    }

    public void start(Instant at) {
        require(TokenTransition.START);
        status = TokenStatus.SERVING;
        startedAt = at;
    }

    /**
     * Done at the counter. Completed without being started, its service counts from the call; and it is never
     * completed before it started (an offline console's corrected clock may lag behind the server's).
     */
    public void complete(Instant at) {
        require(TokenTransition.COMPLETE);
        if (startedAt == null) {
            startedAt = calledAt;
        }
        completedAt = startedAt != null && at.isBefore(startedAt) ? startedAt : at;
        status = TokenStatus.COMPLETED;
    }

    /** The patient did not come when called; the token keeps its counter until requeued. */
    public void markNoShow() {
        require(TokenTransition.MARK_NO_SHOW);
        status = TokenStatus.NO_SHOW;
    }

    /**
     * A new token whose place is taken from {@code at}, not from the time it says it was issued: that time (a hand-written
     * paper slip's) cannot be trusted to put anyone ahead of the patients already waiting.
     */
    public void placeFrom(Instant at) {
        if (status != TokenStatus.WAITING || calledAt != null) {
            throw new IllegalStateException("only a new waiting token takes its place from entry");
        }
        queuedAt = at;
    }

    /**
     * Takes back a complete or a no-show made by mistake: the patient is again at the same counter, being served
     * (since the time they started) or called but not started, as the counter's journal said before the mistake.
     */
    public void undoClosing(boolean wasServing) {
        require(TokenTransition.UNDO);
        boolean serving = wasServing && status == TokenStatus.COMPLETED; // a no-show was always of a called patient
        status = serving ? TokenStatus.SERVING : TokenStatus.CALLED;
        if (!serving) {
            startedAt = null; // complete() counted the service from the call; it never started
        }
        completedAt = null;
    }

    /** Back in the waiting line at {@code queuedAt}, a place the caller chose among those waiting. */
    public void requeue(Instant queuedAt) {
        require(TokenTransition.REQUEUE);
        status = TokenStatus.WAITING;
        counterId = null;
        calledAt = null;
        this.queuedAt = queuedAt;
    }

    /** Into another service's waiting line, at its end (e.g. consultation → sample collection), keeping the number. */
    public void transferTo(ServicePoint target, Instant at) {
        require(TokenTransition.TRANSFER);
        if (target.id.equals(serviceId)) {
            throw ProblemException.illegal("Token " + displayNumber + " is already in " + target.code);
        }
        serviceId = target.id;
        status = TokenStatus.WAITING;
        counterId = null;
        calledAt = null;
        startedAt = null;
        queuedAt = at;
    }

    public void cancel() {
        require(TokenTransition.CANCEL);
        status = TokenStatus.CANCELLED;
    }

    /**
     * A paper slip back-entered after its patient was already seen during the outage: straight to COMPLETED, with
     * no call or start the system could know of.
     */
    public void takeAsServed(Instant at) {
        require(TokenTransition.TAKE_AS_SERVED);
        status = TokenStatus.COMPLETED;
        completedAt = at;
    }

    /**
     * This token as the journal keeps it, in the state it is in now. The service is named by code from the
     * persistence context (the command that changed the token has loaded it); the counter's code is given, as the
     * token cannot see counters. Made once for each change journaled: it says where the token waited before the
     * change, that is at the last one made (or when the token was loaded).
     */
    public JournalToken journaled(String counterCode) {
        return journaled(counterCode, ServicePoint.findById(serviceId));
    }

    /** As {@link #journaled(String)}, with the token's service at hand (a new token's, which issuing looked up). */
    public JournalToken journaled(String counterCode, ServicePoint service) {
        if (!service.id.equals(serviceId)) {
            throw new IllegalArgumentException("token " + displayNumber + " is not in service " + service.code);
        }
        WaitingPlace before = journaledWaiting;
        journaledWaiting = waitingPlace(); // the entry made of this is the one that moves the token to it
        return new JournalToken(id, publicCode, businessDay, numberSeries, number, displayNumber, serviceId, service.code,
                priority, priorityLane, channel.name(), status.name(), issuedAt, queuedAt, calledAt, startedAt, completedAt,
                counterId, counterId == null ? null : counterCode, callCount, PatientJson.write(patient()), degraded,
                deviceId, deviceTime, receivedAt, reservationUnknown, estimatedWaitAtIssue, before);
    }

    /** The patient's details as stored on the token. */
    public PatientDetails patient() {
        return new PatientDetails(patientName, patientAge, patientSex, patientMobile, patientAbha, patientUhid,
                notifyConsent ? Boolean.TRUE : null, notifyLanguage);
    }

    /** The unguessable code of a token's status page. */
    public static String newPublicCode() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

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
