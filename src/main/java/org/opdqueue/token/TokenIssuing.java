package org.opdqueue.token;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.common.ProblemException;
import org.opdqueue.common.ProblemType;
import org.opdqueue.common.Transactions;
import org.opdqueue.journal.Journal;
import org.opdqueue.journal.JournalEntryBuilder;
import org.opdqueue.journal.JournalEventType;
import org.opdqueue.servicepoint.PriorityCategory;
import org.opdqueue.servicepoint.ServicePoint;

/**
 * Issues a token exactly once per client request id. Two identical requests racing each other are
 * settled by the idempotency key's unique constraint: the loser's transaction rolls back (giving its
 * number back) and it answers with the winner's token.
 */
@ApplicationScoped
public class TokenIssuing {

    /** What issuing produced: the token, and whether this request made it or replayed it. */
    public record Issued(Token token, ServicePoint service, boolean created) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Facility facility;
    private final HospitalClock clock;
    private final TokenNumbers numbers;
    private final Journal journal;
    private final Transactions transactions;
    private final RequestKeys requestKeys;

    public TokenIssuing(Facility facility, HospitalClock clock, TokenNumbers numbers, Journal journal,
            Transactions transactions, RequestKeys requestKeys) {
        this.facility = facility;
        this.clock = clock;
        this.numbers = numbers;
        this.journal = journal;
        this.transactions = transactions;
        this.requestKeys = requestKeys;
    }

    /** @param actor the staff member issuing at a counter, or null for a patient at a kiosk */
    public Issued issue(IssueTokenRequest request, String actor) {
        if (request.channelOrDefault().offline()) {
            throw ProblemException.invalid("channel",
                    "offline and paper tokens are merged through POST /api/sync/tokens by an enrolled device");
        }
        String fingerprint = request.fingerprint();
        try {
            return transactions.run(() -> issueOnce(request, fingerprint, actor));
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            // Most likely a concurrent twin committed first; if so, answer with its token.
            Issued earlier = QuarkusTransaction.requiringNew().call(() -> replay(request.requestId(), fingerprint));
            if (earlier == null) {
                throw e;
            }
            return earlier;
        }
    }

    private Issued issueOnce(IssueTokenRequest request, String fingerprint, String actor) {
        Issued earlier = replay(request.requestId(), fingerprint);
        if (earlier != null) {
            return earlier;
        }
        ServicePoint service = ServicePoint.activeByCode(facility.code(), request.serviceCode());
        PriorityCategory category = PriorityCategory.findByCode(facility.code(), request.priorityOrDefault())
                .orElseThrow(() -> ProblemException.invalid("priority",
                        "unknown priority category '" + request.priority() + "'"));

        Instant now = clock.now();
        Token token = new Token();
        token.facility = facility.code();
        token.publicCode = newPublicCode();
        token.businessDay = clock.businessDayOf(now);
        token.numberServiceId = service.id;
        token.numberSeries = "";
        token.number = numbers.next(token.facility, token.businessDay, service.id);
        token.displayNumber = service.displayNumber(token.numberSeries, token.number);
        token.serviceId = service.id;
        token.priority = category.code;
        token.priorityLane = category.priority;
        token.channel = request.channelOrDefault();
        token.status = TokenStatus.WAITING;
        token.issuedAt = now;
        token.queuedAt = now;
        token.receivedAt = now;
        copyPatient(request.patient(), token);
        token.persist();

        requestKeys.record(token.facility, request.requestId().toString(), fingerprint, token.id, now);

        journal.append(JournalEventType.ISSUED, JournalEntryBuilder.about(token.id, token.displayNumber, service.id)
                .actor(actor).detail(token.channel + " " + token.priority));
        return new Issued(token, service, true);
    }

    /** The token an earlier request with this id made, or null; 409 if that request said something else. */
    private Issued replay(UUID requestId, String fingerprint) {
        RequestKeys.Earlier key = requestKeys.find(facility.code(), List.of(requestId.toString())).get(requestId.toString());
        if (key == null) {
            return null;
        }
        if (!fingerprint.equals(key.fingerprint())) {
            throw new ProblemException(ProblemType.REQUEST_ID_REUSED,
                    "requestId " + requestId + " was already used for a different token request");
        }
        Token token = Token.findById(key.tokenId());
        return new Issued(token, ServicePoint.findById(token.serviceId), false);
    }

    /** Copies the optional patient details onto a new token (the offline merge issues tokens too). */
    public static void copyPatient(PatientDetails patient, Token token) {
        if (patient == null) {
            return;
        }
        token.patientName = patient.trimmedName();
        token.patientAge = patient.age();
        token.patientSex = patient.sex();
        token.patientMobile = patient.mobile();
        token.patientAbha = patient.abhaDigits();
        token.patientUhid = patient.uhid();
    }

    /** The unguessable code of a token's status page. */
    public static String newPublicCode() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
