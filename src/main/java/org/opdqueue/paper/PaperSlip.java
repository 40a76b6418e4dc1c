package org.opdqueue.paper;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** What became of one paper slip, by whom and when. At most one per slip, ever (unique key). */
@Entity
@Table(name = "paper_slip")
public class PaperSlip extends PanacheEntityBase {

    /** Back-entered as a token, or voided because it was spoiled. */
    public enum Outcome {
        ENTERED,
        VOIDED
    }

    /** The unique key that refuses a second use of a slip. */
    static final String UNIQUE_KEY = "uk_paper_slip_number";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String facility;

    @Column(name = "book_id")
    public Long bookId;

    @Column(name = "service_id")
    public Long serviceId;

    public int number;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @Column(name = "token_id")
    public Long tokenId;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    /** The client's id of the entry request, so that a retried request is answered with its own token. */
    @Column(name = "request_id")
    public String requestId;

    public String reason;

    public static Optional<PaperSlip> ofNumber(String facility, long serviceId, int number) {
        return find("facility = ?1 and serviceId = ?2 and number = ?3", facility, serviceId, number).firstResultOptional();
    }
}
