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

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One thing that happened, in facility-wide order of {@code seq}. Never updated or deleted; only its chain hash is
 * filled in once, after commit.
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

    /** SHA-256 over the fields above, written with the entry ({@link JournalHashes#content}). */
    @Column(name = "content_hash", updatable = false)
    public String contentHash;

    /** Links the entry to the one before it; filled in by {@link JournalSealer} only, shortly after commit. */
    @Column(name = "chain_hash", insertable = false, updatable = false)
    public String chainHash;
}
