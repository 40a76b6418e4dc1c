package org.opdqueue.paper;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.common.OpdConfig;
import org.opdqueue.common.Problem;
import org.opdqueue.common.ProblemException;
import org.opdqueue.common.ProblemType;
import org.opdqueue.common.Transactions;
import org.opdqueue.journal.Journal;
import org.opdqueue.journal.JournalEntryBuilder;
import org.opdqueue.journal.JournalEventType;
import org.opdqueue.outage.Outage;
import org.opdqueue.servicepoint.PriorityCategory;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.token.Channel;
import org.opdqueue.token.NumberSeries;
import org.opdqueue.token.Token;
import org.opdqueue.web.UniqueKeys;

/**
 * Back-enters used paper slips as PAPER tokens, and voids spoiled ones. Each slip is used at most once ever: the
 * slip row's unique key decides, so of two clerks entering the same slip at once one makes the token and the other
 * is told who entered it first.
 * <p>
 * A paper token belongs to the business day of its (approximate) issue time and waits in that day's queue in issue
 * order. A slip from an earlier business day is recorded as already seen: that day's queue is over.
 */
@ApplicationScoped
public class PaperEntry {

    /** A clerk's PC clock may run a little ahead of the server's. */
    private static final Duration CLOCK_SLACK = Duration.ofMinutes(2);

    /** The slip's own unique key refused it: it was entered or voided before, perhaps a moment ago by another clerk. */
    private static final Transactions.LostRace SLIP_USED = new Transactions.LostRace("the paper slip's unique key",
            e -> UniqueKeys.violated(e).filter(PaperSlip.UNIQUE_KEY::equals).isPresent());

    /** How far before a recorded outage began, or after it ended, a slip time still counts as during it. */
    static final Duration OUTAGE_MARGIN = Duration.ofMinutes(15);

    /** In the journal entry of a slip whose time lies in no recorded outage. */
    public static final String OUTSIDE_OUTAGES = "no outage recorded then: queued from entry";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'on' d MMM yyyy", Locale.ENGLISH);

    /** What entering produced: the token, and whether this request made it or a retry of it found it. */
    public record Entered(Token token, ServicePoint service, boolean created) {
    }

    /** The service and book a typed number belongs to. */
    private record Located(PaperNumber number, ServicePoint service, PaperBook book) {
    }

    private final Facility facility;
    private final HospitalClock clock;
    private final OpdConfig config;
    private final Journal journal;
    /** Gives each command its own new transaction and runs it again when it lost to a deadlock (see Transactions). */
    private final Transactions transactions;

    public PaperEntry(Facility facility, HospitalClock clock, OpdConfig config, Journal journal, Transactions transactions) {
        this.facility = facility;
        this.clock = clock;
        this.config = config;
        this.journal = journal;
        this.transactions = transactions;
    }

    /** A retry of this very request finds its token; any other second use of the slip is told who used it first. */
    public Entered enter(PaperEntryRequest request, String actor) {
        return transactions.runOrSettle(() -> enterOnce(request, actor), SLIP_USED, used -> {
            Located at = locate(request.number());
            PaperSlip earlier = PaperSlip.ofNumber(facility.code(), at.service().id, at.number().number())
                    .orElseThrow(() -> used);
            if (earlier.outcome == PaperSlip.Outcome.ENTERED && request.requestId() != null
                    && request.requestId().toString().equals(earlier.requestId)) {
                return new Entered(Token.findById(earlier.tokenId), at.service(), false);
            }
            throw duplicate(at, earlier);
        });
    }

    public PaperReports.Voided voidSlip(PaperVoidRequest request, String actor) {
        return transactions.runOrSettle(() -> {
            Located at = locate(request.number());
            PaperSlip slip = slip(at, PaperSlip.Outcome.VOIDED, actor, clock.now());
            String reason = request.reason() == null ? "" : request.reason().strip();
            slip.reason = reason.isEmpty() ? null : reason;
            slip.persist();
            journal.append(JournalEventType.PAPER_SLIP_VOIDED, JournalEntryBuilder.system().actor(actor)
                    .detail("paper slip " + at.number() + " voided" + (slip.reason == null ? "" : ": " + slip.reason)));
            return new PaperReports.Voided(at.number().toString(), actor, slip.recordedAt, slip.reason);
        }, SLIP_USED, used -> {
            Located at = locate(request.number());
            throw duplicate(at, PaperSlip.ofNumber(facility.code(), at.service().id, at.number().number())
                    .orElseThrow(() -> used));
        });
    }

    private Entered enterOnce(PaperEntryRequest request, String actor) {
        Located at = locate(request.number());
        Instant now = clock.now();
        Instant issuedAt = checkIssueTime(request.issuedAt(), at, now);
        PriorityCategory category = PriorityCategory.resolve(facility.code(), request.priority());

        PaperSlip slip = slip(at, PaperSlip.Outcome.ENTERED, actor, now);
        slip.requestId = request.requestId() == null ? null : request.requestId().toString();
        slip.persist();
        PaperSlip.flush(); // a second use of the slip stops here, before anything else is written

        LocalDate day = clock.businessDayOf(issuedAt);
        boolean seen = Boolean.TRUE.equals(request.seen()) || day.isBefore(clock.businessDay());
        Token token = Token.waiting(facility.code(), at.service(), category, Channel.PAPER, NumberSeries.PAPER,
                at.number().number(), at.number().toString(), issuedAt, day, now, request.patient());
        boolean outsideOutages = !inAnOutage(issuedAt);
        if (outsideOutages) {
            token.placeFrom(now);
        }
        if (seen) {
            token.takeAsServed(now);
        }
        token.degraded = true;
        token.deviceId = "BOOK-" + at.book().id;
        token.deviceTime = request.issuedAt();
        token.persist();
        slip.tokenId = token.id;

        journal.append(JournalEventType.ISSUED, JournalEntryBuilder.issued(token.journaled(null), slip.requestId)
                .paperBook(at.book().id).actor(actor).detail("PAPER " + token.priority
                        + (outsideOutages ? " " + OUTSIDE_OUTAGES : "")));
        if (seen) {
            journal.append(JournalEventType.COMPLETED, JournalEntryBuilder.changed(token.journaled(null))
                    .actor(actor).degraded(token.deviceId, token.deviceTime).detail("PAPER seen during the outage"));
        }
        return new Entered(token, at.service(), true);
    }

    private Located locate(String typed) {
        PaperNumber number = PaperNumber.parse(typed).orElseThrow(() -> ProblemException.invalid("number",
                "'" + typed + "' is not a paper slip number like MED-P0012"));
        ServicePoint service = ServicePoint.<ServicePoint>find("facility = ?1 and tokenPrefix = ?2", facility.code(),
                number.prefix()).firstResultOptional().orElseThrow(() -> ProblemException.invalid("number",
                        "no service has the token prefix " + number.prefix()));
        PaperNumber printed = new PaperNumber(service.tokenPrefix, number.number());
        PaperBook book = PaperBook.covering(facility.code(), service.id, number.number())
                .orElseThrow(() -> outOfRange(printed, service));
        return new Located(printed, service, book);
    }

    private Instant checkIssueTime(Instant issuedAt, Located at, Instant now) {
        if (issuedAt.isAfter(now.plus(CLOCK_SLACK))) {
            throw ProblemException.invalid("issuedAt", "must not be in the future");
        }
        // slip times are written to the minute
        if (issuedAt.isBefore(at.book().reservedAt.minus(Duration.ofMinutes(1)))) {
            throw ProblemException.invalid("issuedAt", "is before book " + at.book().id + " of " + at.service().code
                    + " was made (" + WHEN.format(at.book().reservedAt.atZone(config.facility().timeZone())) + ")");
        }
        return issuedAt.isAfter(now) ? now : issuedAt;
    }

    /**
     * Paper is handed out while the system is down, so a slip queues by the time written on it only if that time lies
     * in a recorded outage (with a margin: the books come out as the screens go dark, and the time is written by hand).
     * Any other slip is still entered, since the patient holds it, but queues from the moment it is entered: a time
     * typed on a slip cannot put someone ahead of the patients who took a token while the system was up.
     */
    private boolean inAnOutage(Instant issuedAt) {
        return Outage.count("facility = ?1 and startedAt <= ?2 and endedAt >= ?3", facility.code(),
                issuedAt.plus(OUTAGE_MARGIN), issuedAt.minus(OUTAGE_MARGIN)) > 0;
    }

    private PaperSlip slip(Located at, PaperSlip.Outcome outcome, String actor, Instant now) {
        PaperSlip slip = new PaperSlip();
        slip.facility = facility.code();
        slip.bookId = at.book().id;
        slip.serviceId = at.service().id;
        slip.number = at.number().number();
        slip.outcome = outcome;
        slip.recordedBy = actor;
        slip.recordedAt = now;
        return slip;
    }

    private ProblemException outOfRange(PaperNumber number, ServicePoint service) {
        List<PaperBook> books = PaperBook.ofService(facility.code(), service.id);
        String known = books.isEmpty() ? service.code + " has no paper books"
                : "the paper books of " + service.code + " are " + books.stream().map(b -> "book " + b.id + ": "
                        + PaperNumber.format(service.tokenPrefix, b.firstNumber) + "–"
                        + PaperNumber.format(service.tokenPrefix, b.lastNumber)).collect(Collectors.joining(", "));
        String message = number + " is in no paper book; " + known;
        return new ProblemException(ProblemType.PAPER_OUT_OF_RANGE, message, List.of(new Problem.FieldError("number", message)));
    }

    private ProblemException duplicate(Located at, PaperSlip earlier) {
        String when = WHEN.format(earlier.recordedAt.atZone(config.facility().timeZone()));
        String message = at.number() + (earlier.outcome == PaperSlip.Outcome.VOIDED
                ? " was voided by " + earlier.recordedBy + " at " + when + (earlier.reason == null ? "" : " (" + earlier.reason + ")")
                : " was already entered by " + earlier.recordedBy + " at " + when);
        return new ProblemException(ProblemType.PAPER_DUPLICATE, message, List.of(new Problem.FieldError("number", message)));
    }

}
