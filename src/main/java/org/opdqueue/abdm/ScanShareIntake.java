package org.opdqueue.abdm;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.common.Problem;
import org.opdqueue.common.ProblemException;
import org.opdqueue.common.ProblemType;
import org.opdqueue.common.Transactions;
import org.opdqueue.servicepoint.PriorityCategory;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.token.IssueTokenRequest;
import org.opdqueue.token.Issuer;
import org.opdqueue.token.IssuingRules;
import org.opdqueue.token.Token;
import org.opdqueue.token.TokenIssuing;

/**
 * Turns a profile share into a token and queues the on-share answer. Issuing goes through {@link TokenIssuing}
 * with a request id made from the share's {@code REQUEST-ID}, so a redelivery that finds no share row yet (we
 * crashed between issuing and recording) still gets the same token. A rescan of the same ABHA address for the same
 * service within {@link AbdmConfig#rescanWithin()} is answered with the token it got then, as ABHA apps promise the
 * patient (one token per 30 minutes). Two rescans of one address in the same instant may still get two tokens: the
 * phone app does not let a patient share twice at once, and no unique key can say "within 30 minutes".
 */
@ApplicationScoped
public class ScanShareIntake {

    /** The token a share is answered with, and whether an earlier share (redelivery or rescan) got it first. */
    public record Answered(long tokenId, String tokenNumber, boolean earlier) {
    }

    private static final IssuingRules RULES = new IssuingRules(false);

    private final Facility facility;
    private final HospitalClock clock;
    private final Transactions transactions;
    private final TokenIssuing issuing;
    private final EntityManager em;
    private final ObjectMapper json;
    private final AbdmConfig config;

    public ScanShareIntake(Facility facility, HospitalClock clock, Transactions transactions, TokenIssuing issuing,
            EntityManager em, ObjectMapper json, AbdmConfig config) {
        this.facility = facility;
        this.clock = clock;
        this.transactions = transactions;
        this.issuing = issuing;
        this.em = em;
        this.json = json;
        this.config = config;
    }

    /** The hospital's settings, or empty while Scan & Share is off (or was never set up). */
    public Optional<AbdmSettings.Snapshot> enabledSettings() {
        return transactions.run(() -> AbdmSettings.of(facility.code()).filter(s -> s.enabled).map(AbdmSettings::snapshot));
    }

    /** Reads the body as the gateway sent it; a wrong type or broken JSON is a 400 naming where. */
    public AbdmWire.Share read(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.invalid("body", "is required: the shared profile as JSON");
        }
        try {
            AbdmWire.Share share = json.readValue(body, AbdmWire.Share.class);
            if (share == null) {
                throw ProblemException.invalid("body", "must be a JSON object");
            }
            return share;
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName())
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
            throw ProblemException.invalid(field, "has the wrong type");
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("body", "is not valid JSON");
        }
    }

    public Answered accept(String requestId, AbdmWire.Share share, String source) {
        Instant now = clock.now();
        SharedProfile profile = SharedProfile.of(share, Year.from(now.atZone(clock.zone())));
        Optional<Answered> redelivered = transactions.run(() -> earlierShare(requestId));
        if (redelivered.isPresent()) {
            transactions.run(() -> queueAnswer(requestId, profile, redelivered.get().tokenNumber(), now));
            return redelivered.get();
        }
        ServicePoint service = transactions.run(() -> serviceOf(profile.context()));
        Answered answered = transactions.run(() -> rescan(profile.abhaAddress(), service.id, now)).orElseGet(() -> {
            IssueTokenRequest request = RULES.admit(Issuer.gateway(source), new IssueTokenRequest(tokenRequestId(requestId),
                    service.code, PriorityCategory.GENERAL, null, profile.patient(), null, null, null));
            TokenIssuing.Issued issued = issuing.issue(request, null);
            return new Answered(issued.token().id, issued.token().displayNumber, !issued.created());
        });
        transactions.run(() -> {
            em.createNativeQuery("""
                    INSERT IGNORE INTO abdm_share (facility, request_id, abha_address, context, service_id, token_id, shared_at)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""").setParameter(1, facility.code()).setParameter(2, requestId)
                    .setParameter(3, profile.abhaAddress()).setParameter(4, profile.context()).setParameter(5, service.id)
                    .setParameter(6, answered.tokenId()).setParameter(7, now).executeUpdate();
            return queueAnswer(requestId, profile, answered.tokenNumber(), now);
        });
        return answered;
    }

    /** The same REQUEST-ID twice must give one token, so the token request id is made from it, never at random. */
    static UUID tokenRequestId(String requestId) {
        try {
            return UUID.fromString(requestId);
        } catch (IllegalArgumentException e) {
            return UUID.nameUUIDFromBytes(("abdm share " + requestId).getBytes(StandardCharsets.UTF_8));
        }
    }

    private ServicePoint serviceOf(String context) {
        try {
            return ServicePoint.activeByCode(facility.code(), context);
        } catch (ProblemException e) {
            throw new ProblemException(ProblemType.INVALID_INPUT, "metaData.context: no counter QR code of this hospital "
                    + "says " + context, List.of(new Problem.FieldError("metaData.context",
                            "names no active service of this hospital (its counter QR codes say the service code)")));
        }
    }

    private Optional<Answered> earlierShare(String requestId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT t.id, t.display_number FROM abdm_share s JOIN token t ON t.id = s.token_id
                WHERE s.facility = ?1 AND s.request_id = ?2""").setParameter(1, facility.code()).setParameter(2, requestId)
                .getResultList();
        return rows.stream().findFirst().map(r -> new Answered(((Number) r[0]).longValue(), (String) r[1], true));
    }

    private Optional<Answered> rescan(String abhaAddress, long serviceId, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT t.id, t.display_number FROM abdm_share s JOIN token t ON t.id = s.token_id
                WHERE s.facility = ?1 AND s.abha_address = ?2 AND s.service_id = ?3 AND s.shared_at > ?4
                ORDER BY s.shared_at DESC LIMIT 1""").setParameter(1, facility.code()).setParameter(2, abhaAddress)
                .setParameter(3, serviceId).setParameter(4, now.minus(config.rescanWithin())).getResultList();
        return rows.stream().findFirst().map(r -> new Answered(((Number) r[0]).longValue(), (String) r[1], true));
    }

    /** The on-share answer, in the outbox in the same transaction as the share; one per share (a redelivery adds none). */
    private int queueAnswer(String requestId, SharedProfile profile, String tokenNumber, Instant now) {
        AbdmWire.OnShare body = AbdmWire.OnShare.success(profile.abhaAddress(), profile.context(), tokenNumber,
                Math.toIntExact(config.rescanWithin().toMinutes()), requestId);
        try {
            return em.createNativeQuery("""
                    INSERT IGNORE INTO abdm_callback (facility, share_request, request_id, body, next_attempt_at, created_at)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?5)""").setParameter(1, facility.code()).setParameter(2, requestId)
                    .setParameter(3, UUID.randomUUID().toString()).setParameter(4, json.writeValueAsString(body))
                    .setParameter(5, now).executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the on-share body is made of strings and numbers", e);
        }
    }
}
