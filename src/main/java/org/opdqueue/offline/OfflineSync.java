package org.opdqueue.offline;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.common.ProblemException;
import org.opdqueue.common.Transactions;
import org.opdqueue.device.Device;
import org.opdqueue.journal.Journal;
import org.opdqueue.journal.JournalEntryBuilder;
import org.opdqueue.journal.JournalEventType;
import org.opdqueue.servicepoint.PriorityCategory;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.token.Channel;
import org.opdqueue.token.IssueTokenRequest;
import org.opdqueue.token.RequestKeys;
import org.opdqueue.token.Token;

/**
 * Merges the tokens a kiosk issued while offline, each exactly once: a request id already merged is a
 * duplicate; a number in another series or of another service, or already taken, is refused; the rest become
 * OFFLINE_KIOSK tokens queued by issue time. The kiosk's clock is corrected by how far it was off when it
 * sent the batch, and never puts a token ahead of the moment its number was reserved or after it arrived.
 * <p>
 * A number in the kiosk's own series that lies in no reserved block on record is merged all the same, marked
 * {@code reservationUnknown}. The series belongs to this kiosk alone (no online number, no other kiosk and no paper
 * book uses it) and a number merged once is refused the second time, so such a token cannot collide with anything;
 * the record of the block is what went missing (a restored or replaced database), not the right to the number. The
 * patient is already in the hall holding the printed slip: refusing it would leave them in no queue, and holding it
 * for staff to accept would leave them in limbo just when staff are busiest. Staff can still cancel a bogus one,
 * and the outage record counts them. Every refusal is kept in {@link OfflineRefusals} and logged, so the patients
 * holding those slips are looked for.
 */
@ApplicationScoped
public class OfflineSync {

    private static final Pattern OFFLINE_NUMBER = Pattern.compile("([A-Z0-9]{1,8})-([A-Z]{1,2})(\\d{1,3})");

    /** In the journal entry of a token merged without its reserved block on record. */
    public static final String RESERVATION_UNKNOWN = "reservation unknown";

    private static final Logger LOG = Logger.getLogger(OfflineSync.class);

    /** How far before its last online contact a kiosk's corrected clock may put an offline token. */
    static final Duration ONLINE_MARGIN = Duration.ofSeconds(30);

    /** How far a kiosk's own clock may be from the server's for its slip times to be believed at all. */
    private static final Duration CLOCK_LIMIT = Duration.ofDays(365);

    /** An item that passed the checks that need no lock, ready to be written. */
    private record Prepared(int index, OfflineToken item, ServicePoint service, PriorityCategory category,
            String series, int number, LocalDate day, Instant queuedAt, String fingerprint, boolean reservationUnknown) {
    }

    /** What one committed merge did: the answer, and what is worth a line in the log. */
    private record Merged(List<SyncResult> results, List<String> newRefusals, List<String> unreserved) {
    }

    private final Facility facility;
    private final HospitalClock clock;
    private final Journal journal;
    /** Gives each command its own new transaction and runs it again when it lost to a deadlock (see Transactions). */
    private final Transactions transactions;
    private final EntityManager em;
    private final RequestKeys requestKeys;
    private final OfflineRefusals refusals;

    public OfflineSync(Facility facility, HospitalClock clock, Journal journal, Transactions transactions, EntityManager em,
            RequestKeys requestKeys, OfflineRefusals refusals) {
        this.facility = facility;
        this.clock = clock;
        this.journal = journal;
        this.transactions = transactions;
        this.em = em;
        this.requestKeys = requestKeys;
        this.refusals = refusals;
    }

    public List<SyncResult> merge(Device kiosk, Instant sentAt, List<OfflineToken> items) {
        Instant receivedAt = clock.now();
        Duration skew = sentAt == null ? Duration.ZERO : Duration.between(sentAt, receivedAt);
        // A concurrent sync of the same outbox that committed first makes this one hit a unique key: run again, and
        // its tokens are duplicates now.
        Merged merged = transactions.runOrReplay(() -> mergeOnce(kiosk, skew, receivedAt, items),
                Transactions.LostRace.DUPLICATE_KEY);
        // logged once committed, so a run that was rolled back and run again says nothing twice
        merged.newRefusals().forEach(line -> LOG.warnf("Offline slip refused, the patient holds a slip that is in no queue: %s",
                line));
        if (!merged.unreserved().isEmpty()) {
            LOG.warnf("Merged %d offline token(s) from kiosk %s whose reserved block is not on record (reservation unknown, "
                    + "the database lost it?): %s", merged.unreserved().size(), kiosk.code, String.join(", ", merged.unreserved()));
        }
        return merged.results();
    }

    private Merged mergeOnce(Device kiosk, Duration skew, Instant receivedAt, List<OfflineToken> items) {
        SyncResult[] results = new SyncResult[items.size()];
        List<OfflineReserve> reserves = OfflineReserve.ofDevice(facility.code(), kiosk.id, clock.businessDay().minusDays(1));
        List<Prepared> prepared = new ArrayList<>();
        Map<String, ServicePoint> services = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            OfflineToken item = items.get(i);
            try {
                prepared.add(prepare(i, item, kiosk, skew, receivedAt, reserves, services));
            } catch (ProblemException e) {
                results[i] = SyncResult.rejected(item.requestId(), e.getMessage());
            }
        }
        // Numbers first, then request ids: a twin of this outbox that commits between the two reads shows up in the
        // second as a duplicate, never in the first alone as "number already merged for another token".
        Set<String> usedNumbers = usedNumbers(kiosk.numberSeries, prepared);
        Map<String, RequestKeys.Earlier> earlier = requestKeys.find(facility.code(),
                prepared.stream().map(p -> p.item().requestId().toString()).toList());
        Set<String> seenRequests = new HashSet<>();
        List<String> unreserved = new ArrayList<>();
        prepared.sort(Comparator.comparing(Prepared::queuedAt).thenComparing(Prepared::number));
        List<JournalEntryBuilder> issued = new ArrayList<>();
        for (Prepared p : prepared) {
            String requestId = p.item().requestId().toString();
            RequestKeys.Earlier key = earlier.get(requestId);
            if (key != null) {
                Token token = Token.findById(key.tokenId());
                results[p.index()] = p.fingerprint().equals(key.fingerprint())
                        ? SyncResult.duplicate(p.item().requestId(), token.id, token.displayNumber)
                        : SyncResult.rejected(p.item().requestId(), "requestId was already used for a different token");
            } else if (!seenRequests.add(requestId)) {
                results[p.index()] = SyncResult.rejected(p.item().requestId(), "the same requestId twice in one batch");
            } else if (!usedNumbers.add(numberKey(p.service().id, p.day(), p.number()))) {
                results[p.index()] = SyncResult.rejected(p.item().requestId(),
                        "number " + p.item().offlineNumber() + " was already merged for another token");
            } else {
                Token token = create(p, kiosk, receivedAt, issued);
                results[p.index()] = SyncResult.created(p.item().requestId(), token.id, token.displayNumber,
                        p.reservationUnknown());
                if (p.reservationUnknown()) {
                    unreserved.add(token.displayNumber);
                }
            }
        }
        // one journal insert for the merged tokens, last: the waiting counts it keeps are then locked only while this
        // transaction commits, not while the rest of the outbox is merged (ten kiosks syncing waited on each other)
        if (!issued.isEmpty()) {
            journal.appendAll(JournalEventType.ISSUED, issued);
        }
        List<String> newRefusals = new ArrayList<>();
        for (int i = 0; i < results.length; i++) {
            OfflineToken item = items.get(i);
            if ("rejected".equals(results[i].result()) && refusals.record(kiosk.code, item, results[i].reason(), receivedAt)) {
                newRefusals.add(item.offlineNumber() + " (" + item.serviceCode() + ") from kiosk " + kiosk.code + ", issued "
                        + item.issuedAt() + ": " + results[i].reason());
            }
        }
        return new Merged(List.of(results), newRefusals, unreserved);
    }

    private Prepared prepare(int index, OfflineToken item, Device kiosk, Duration skew, Instant receivedAt,
            List<OfflineReserve> reserves, Map<String, ServicePoint> services) {
        Matcher m = OFFLINE_NUMBER.matcher(item.offlineNumber().strip().toUpperCase());
        if (!m.matches()) {
            throw ProblemException.invalid("offlineNumber", "'" + item.offlineNumber() + "' is not an offline number like MED-K007");
        }
        String code = item.serviceCode().strip().toUpperCase();
        ServicePoint service = services.computeIfAbsent(code, c -> ServicePoint.findByCode(facility.code(), c).orElse(null));
        if (service == null) {
            throw ProblemException.notFound("Service", code);
        }
        if (!m.group(1).equals(service.tokenPrefix) || !m.group(2).equals(kiosk.numberSeries)) {
            throw ProblemException.invalid("offlineNumber", item.offlineNumber() + " is not in series " + kiosk.numberSeries
                    + " of " + service.code + " (" + service.tokenPrefix + "-" + kiosk.numberSeries + "…)");
        }
        PriorityCategory category = PriorityCategory.resolve(facility.code(), item.priority());
        int number = Integer.parseInt(m.group(3));
        if (number < 1) {
            throw ProblemException.invalid("offlineNumber", "'" + item.offlineNumber() + "' is not an offline number like MED-K007");
        }
        Instant corrected = corrected(item.issuedAt(), skew, receivedAt);
        LocalDate day = clock.businessDayOf(corrected);
        if (day.isBefore(clock.businessDay().minusDays(1))) {
            // numbers are told apart per day from yesterday on only; and that patient has long gone home
            throw ProblemException.illegal("number " + item.offlineNumber() + " was issued on " + day
                    + ", before yesterday: too old to queue");
        }
        Optional<OfflineReserve> block = reserves.stream().filter(r -> r.covers(service.id, day, kiosk.numberSeries, number))
                .findFirst();
        Instant queuedAt = latest(corrected, block.map(b -> b.grantedAt).orElse(null), notBefore(kiosk));
        String fingerprint = new IssueTokenRequest(item.requestId(), code, category.code, Channel.OFFLINE_KIOSK, item.patient(),
                kiosk.code, item.offlineNumber().strip().toUpperCase(), item.issuedAt()).fingerprint();
        return new Prepared(index, item, service, category, kiosk.numberSeries, number, day, queuedAt, fingerprint,
                block.isEmpty());
    }

    /**
     * The kiosk's clock corrected by how far it was off, never after the batch arrived. A time no kiosk could have
     * printed (a year away, or arithmetic beyond what a date holds) is refused for this item alone, not the batch.
     */
    private Instant corrected(Instant issuedAt, Duration skew, Instant receivedAt) {
        if (issuedAt.isBefore(receivedAt.minus(CLOCK_LIMIT)) || issuedAt.isAfter(receivedAt.plus(CLOCK_LIMIT))) {
            // kept as the device time, it must be one the database holds, and a kiosk a year off needs its clock set
            throw ProblemException.invalid("issuedAt", issuedAt + " is more than a year from the server's clock: "
                    + "set the kiosk's clock");
        }
        try {
            Instant corrected = issuedAt.plus(skew);
            corrected = corrected.isAfter(receivedAt) ? receivedAt : corrected;
            clock.businessDayOf(corrected);
            return corrected;
        } catch (DateTimeException | ArithmeticException e) {
            throw ProblemException.invalid("issuedAt", issuedAt + " (sent at a clock " + skew.toDays()
                    + " days off) is no time a kiosk issued a slip at");
        }
    }

    /**
     * An offline token cannot have been issued before the kiosk last spoke to the server online (its last online
     * token or reserve): the kiosk was online then, and it merges its outbox before it issues online again. So a
     * token back-dated past that moment, to jump the queue, is queued from it instead; the margin covers the
     * correction of the kiosk's clock. Null when the kiosk has not been online since this was recorded.
     */
    private static Instant notBefore(Device kiosk) {
        return kiosk.onlineAt == null ? null : kiosk.onlineAt.minus(ONLINE_MARGIN);
    }

    private static Instant latest(Instant first, Instant... others) {
        Instant latest = first;
        for (Instant other : others) {
            latest = other != null && other.isAfter(latest) ? other : latest;
        }
        return latest;
    }

    private Set<String> usedNumbers(String series, List<Prepared> prepared) {
        Set<String> used = new HashSet<>();
        if (prepared.isEmpty()) {
            return used;
        }
        List<Integer> numbers = prepared.stream().map(Prepared::number).distinct().toList();
        List<Object[]> rows = em.createNativeQuery("""
                SELECT number_service_id, business_day, number FROM token
                WHERE facility = ?1 AND number_series = ?2 AND number IN (?3) AND business_day >= ?4""")
                .setParameter(1, facility.code()).setParameter(2, series).setParameter(3, numbers)
                .setParameter(4, clock.businessDay().minusDays(1)).getResultList();
        rows.forEach(r -> used.add(numberKey(((Number) r[0]).longValue(),
                r[1] instanceof LocalDate day ? day : ((java.sql.Date) r[1]).toLocalDate(), ((Number) r[2]).intValue())));
        return used;
    }

    private static String numberKey(long serviceId, LocalDate day, int number) {
        return serviceId + "/" + day + "/" + number;
    }

    /** Saves a merged token and adds its journal entry to {@code issued}, which the merge appends at its end. */
    private Token create(Prepared p, Device kiosk, Instant receivedAt, List<JournalEntryBuilder> issued) {
        Token token = Token.waiting(facility.code(), p.service(), p.category(), Channel.OFFLINE_KIOSK, p.series(),
                p.number(), p.service().displayNumber(p.series(), p.number()), p.queuedAt(), p.day(), receivedAt,
                p.item().patient());
        token.degraded = true;
        token.deviceId = kiosk.code;
        token.deviceTime = p.item().issuedAt();
        token.reservationUnknown = p.reservationUnknown();
        token.persist();
        requestKeys.record(token.facility, p.item().requestId().toString(), p.fingerprint(), token.id, receivedAt);
        issued.add(JournalEntryBuilder.issued(token.journaled(null), p.item().requestId().toString())
                .offlineNumber(p.item().offlineNumber().strip().toUpperCase()).detail("OFFLINE_KIOSK " + token.priority
                        + (p.reservationUnknown() ? " " + RESERVATION_UNKNOWN : "")));
        return token;
    }
}
