package org.opdqueue.notify;

import java.time.Instant;

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
 * One message about one event of one token to one target, and how its sending went. Made (by an insert that a
 * second server's or a restart's insert of the same event leaves alone) before anything is sent.
 */
@Entity
@Table(name = "notify_delivery")
public class Delivery extends PanacheEntityBase {

    public static final String SMS = "SMS";
    public static final String WEBHOOK = "WEBHOOK:";

    public enum Status {
        /** Due at {@link #nextAttemptAt}: never tried, failed and waiting for its retry, or being sent (leased). */
        PENDING,
        SENT,
        /** Gave up after the last attempt. */
        FAILED,
        /** Not sent: no longer true when its turn to go came (the token was called, closed, or of another day). */
        SKIPPED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String facility;

    @Column(name = "token_id")
    public Long tokenId;

    @Enumerated(EnumType.STRING)
    public NotifyEvent event;

    /** {@link #SMS}, or {@link #WEBHOOK} and the endpoint's id. */
    public String target;

    /** The journal entry the event was read from. */
    @Column(name = "journal_seq")
    public long journalSeq;

    /** The webhook body as made when the event happened (a replay sends the same facts). */
    public String body;

    @Enumerated(EnumType.STRING)
    public Status status;

    public int attempts;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "replayed_by")
    public String replayedBy;

    public boolean isSms() {
        return SMS.equals(target);
    }

    /** The webhook endpoint's id, or null for another target. */
    public Long endpointId() {
        return target != null && target.startsWith(WEBHOOK) ? Long.valueOf(target.substring(WEBHOOK.length())) : null;
    }
}
