package org.opdqueue.journal;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Formula;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One thing that happened, in facility-wide order of {@code seq}. Never updated or deleted; its chain hash is added
 * beside it once, after commit, in a table of its own.
 */
@Entity
@Table(name = "journal_entry")
public class JournalEntry extends PanacheEntityBase {

    /**
     * How the human text of an outage replay begins ({@link JournalEntryBuilder#replayedFromOutage()}); readers
     * go by {@link #outageReplay}, never by this text.
     */
    public static final String OUTAGE_REPLAY = "outage: ";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(updatable = false)
    public Long seq;

    @Column(updatable = false)
    public String facility;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    public JournalEventType type;

    @Column(name = "occurred_at", updatable = false)
    public Instant occurredAt;

    @Column(name = "business_day", updatable = false)
    public LocalDate businessDay;

    @Column(name = "token_id", updatable = false)
    public Long tokenId;

    @Column(name = "display_number", updatable = false)
    public String displayNumber;

    @Column(name = "service_id", updatable = false)
    public Long serviceId;

    @Column(name = "from_service_id", updatable = false)
    public Long fromServiceId;

    @Column(name = "counter_id", updatable = false)
    public Long counterId;

    @Column(updatable = false)
    public String actor;

    @Column(updatable = false)
    public String detail;

    @Column(updatable = false)
    public boolean degraded;

    @Column(name = "device_id", updatable = false)
    public String deviceId;

    @Column(name = "device_time", updatable = false)
    public Instant deviceTime;

    /** For {@link JournalEventType#COUNTER_STATE_CHANGED}: the counter's state before and after, by name. */
    @Column(name = "counter_state_before", updatable = false)
    public String counterStateBefore;

    @Column(name = "counter_state_after", updatable = false)
    public String counterStateAfter;

    /** Written after an outage for what the boards already showed during it: journaled for audit, not shown again. */
    @Column(name = "outage_replay", updatable = false)
    public boolean outageReplay;

    // What a rebuild of the day needs (recovery/DayRebuild), typed. Services and counters by code: a restored database
    // gets its set-up from the set-up file, which names them by code, and may number them differently.

    /** For {@link JournalEventType#ISSUED}: the client's request id, and what the token was made with. */
    @Column(name = "request_id", updatable = false)
    public String requestId;

    @Column(name = "public_code", updatable = false)
    public String publicCode;

    /** The token's business day, which an offline or paper token may have apart from the entry's own. */
    @Column(name = "token_day", updatable = false)
    public LocalDate tokenDay;

    @Column(name = "number_series", updatable = false)
    public String numberSeries;

    /** The number behind the display number: 42 in MED-042. */
    @Column(name = "token_number", updatable = false)
    public Integer tokenNumber;

    @Column(updatable = false)
    public String priority;

    @Column(name = "is_priority", updatable = false)
    public Boolean priorityLane;

    @Column(updatable = false)
    public String channel;

    @Column(name = "issued_at", updatable = false)
    public Instant issuedAt;

    @Column(name = "received_at", updatable = false)
    public Instant receivedAt;

    /** The number as the offline kiosk printed it and sent it back. */
    @Column(name = "offline_number", updatable = false)
    public String offlineNumber;

    @Column(name = "paper_book_id", updatable = false)
    public Long paperBookId;

    @Column(name = "reservation_unknown", updatable = false)
    public Boolean reservationUnknown;

    /** The patient's details as JSON; never shown on a board, encrypted in the off-host archive. */
    @Column(updatable = false)
    public String patient;

    /** For every entry about a token: the token as it is after the change. */
    @Column(name = "token_status", updatable = false)
    public String tokenStatus;

    /** The code of the service whose queue the token is in after the change ({@link #serviceId}). */
    @Column(name = "service_code", updatable = false)
    public String serviceCode;

    /** For {@link JournalEventType#TRANSFERRED}: the code of the service the token left ({@link #fromServiceId}). */
    @Column(name = "from_service_code", updatable = false)
    public String fromServiceCode;

    /** The code of {@link #counterId}: where it happened, or whose state changed. */
    @Column(name = "counter_code", updatable = false)
    public String counterCode;

    /** The code of the counter holding the token after the change (none after a transfer or requeue). */
    @Column(name = "token_counter_code", updatable = false)
    public String tokenCounterCode;

    @Column(name = "queued_at", updatable = false)
    public Instant queuedAt;

    @Column(name = "called_at", updatable = false)
    public Instant calledAt;

    @Column(name = "started_at", updatable = false)
    public Instant startedAt;

    @Column(name = "completed_at", updatable = false)
    public Instant completedAt;

    @Column(name = "call_count", updatable = false)
    public Integer callCount;

    /** The wait told when the token was issued, in minutes (V38): on an ISSUED entry, when a wait was told. */
    @Column(name = "estimated_wait_at_issue", updatable = false)
    public Integer estimatedWaitAtIssue;

    /** SHA-256 over the fields above, written with the entry ({@link JournalHashes#content}). */
    @Column(name = "content_hash", updatable = false)
    public String contentHash;

    /**
     * Links the entry to the one before it: written to {@code journal_seal} by {@link JournalSealer} only, shortly
     * after commit (V43); null until then.
     */
    @Formula("(SELECT s.chain_hash FROM journal_seal s WHERE s.seq = seq)")
    public String chainHash;
}
