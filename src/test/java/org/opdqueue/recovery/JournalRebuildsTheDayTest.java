package org.opdqueue.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.common.ProblemException;
import org.opdqueue.counter.Counter;
import org.opdqueue.counter.CounterCommands;
import org.opdqueue.counter.CounterState;
import org.opdqueue.device.Device;
import org.opdqueue.journal.JournalEntry;
import org.opdqueue.journal.JournalHashes;
import org.opdqueue.journal.JournalVerifier;
import org.opdqueue.offline.OfflineNumbers;
import org.opdqueue.offline.OfflineSync;
import org.opdqueue.offline.OfflineToken;
import org.opdqueue.offline.SyncResult;
import org.opdqueue.paper.PaperBooks;
import org.opdqueue.paper.PaperEntry;
import org.opdqueue.paper.PaperEntryRequest;
import org.opdqueue.paper.PaperNumber;
import org.opdqueue.queue.Calling;
import org.opdqueue.queue.TokenActions;
import org.opdqueue.support.Api;
import org.opdqueue.support.TestHospital;
import org.opdqueue.token.Channel;
import org.opdqueue.token.IssueTokenRequest;
import org.opdqueue.token.PatientDetails;
import org.opdqueue.token.PatientJson;
import org.opdqueue.token.Sex;
import org.opdqueue.token.Token;
import org.opdqueue.token.TokenIssuing;
import org.opdqueue.token.TokenStatus;

/**
 * A randomized OPD day run against the application's own commands (5,000 of them, every kind a token or a counter
 * goes through, refusals included), then rebuilt from the journal alone: the rebuilt tokens, numbers and counters must
 * be the live tables, field by field. The seed is printed; set {@code -Drebuild.seed=} to run a failing day again.
 */
@QuarkusTest
class JournalRebuildsTheDayTest {

    private static final Logger LOG = Logger.getLogger(JournalRebuildsTheDayTest.class);
    private static final int OPERATIONS = 5_000;

    @Inject
    TestHospital hospital;
    @Inject
    Facility facility;
    @Inject
    HospitalClock clock;
    @Inject
    TokenIssuing issuing;
    @Inject
    Calling calling;
    @Inject
    TokenActions actions;
    @Inject
    CounterCommands counterCommands;
    @Inject
    OfflineSync offlineSync;
    @Inject
    OfflineNumbers offlineNumbers;
    @Inject
    PaperBooks paperBooks;
    @Inject
    PaperEntry paperEntry;
    @Inject
    JournalVerifier verifier;
    @Inject
    EntityManager em;

    private Random random;
    private final List<String> services = new ArrayList<>();
    private final List<Long> counters = new ArrayList<>();
    /** What each token of this day is now, as the last command on it answered: to pick sensible next commands. */
    private final Map<Long, Token> tokens = new HashMap<>();
    private final List<Long> tokenIds = new ArrayList<>();
    private final Map<String, Integer> nextOffline = new HashMap<>();
    private final Map<String, Integer> nextPaper = new HashMap<>();
    private final Map<String, Integer> lastPaper = new HashMap<>();
    private Device kiosk;
    private int refused;
    private final Map<String, Integer> done = new java.util.TreeMap<>();

    @Test
    void theJournalRebuildsTheDayTheLiveTablesHold() {
        long seed = Long.getLong("rebuild.seed", System.nanoTime());
        LOG.infof("Randomized day, seed %d", seed);
        random = new Random(seed);
        setUp();

        long started = System.nanoTime();
        for (int i = 0; i < OPERATIONS; i++) {
            try {
                done.merge(step(), 1, Integer::sum);
            } catch (ProblemException e) {
                refused++; // a refused command is an outcome of the day like any other: it must leave no trace
            }
        }
        LOG.infof("%d operations (%d refused) in %d ms; %d tokens; done: %s", OPERATIONS, refused,
                Duration.ofNanos(System.nanoTime() - started).toMillis(), tokenIds.size(), done);

        List<JournalRecord> journal = QuarkusTransaction.requiringNew().call(
                () -> JournalEntry.<JournalEntry>find("order by seq").stream().map(JournalRecord::of).toList());
        RebuiltDay day = DayRebuild.rebuild(journal);
        // what an archive copy of these entries is checked with: the same hashes as the journal's own
        journal.stream().filter(e -> e.contentHash() != null).forEach(e -> assertThat(e.computedContentHash())
                .as("content hash of seq %d", e.seq()).isEqualTo(e.contentHash()));
        String chain = JournalHashes.GENESIS;
        for (JournalRecord e : journal.stream().filter(e -> e.chainHash() != null).toList()) {
            assertThat(e.computedChainHash(chain)).as("chain hash of seq %d", e.seq()).isEqualTo(e.chainHash());
            chain = e.chainHash();
        }

        Live live = QuarkusTransaction.requiringNew().call(this::live);
        Set<String> ours = Set.copyOf(services);
        List<RebuiltDay.RebuiltToken> rebuilt = day.tokens().stream().filter(t -> ours.contains(t.numberServiceCode()))
                .toList();
        assertThat(live.tokens()).hasSize(tokenIds.size());
        assertThat(rebuilt).extracting(RebuiltDay.RebuiltToken::id)
                .containsExactlyElementsOf(live.tokens().stream().map(RebuiltDay.RebuiltToken::id).toList());
        for (int i = 0; i < rebuilt.size(); i++) {
            assertThat(rebuilt.get(i)).as("token %d", rebuilt.get(i).id()).isEqualTo(live.tokens().get(i));
        }
        assertThat(day.unknownTokens()).doesNotContainAnyElementsOf(tokenIds);
        assertThat(day.highestNumbers().stream().filter(n -> ours.contains(n.serviceCode())).toList())
                .containsExactlyInAnyOrderElementsOf(live.highestNumbers());
        live.onlineSequences().forEach((service, last) -> assertThat(last).as("online numbers of %s", service)
                .isEqualTo(day.highestNumbers().stream().filter(n -> n.serviceCode().equals(service)
                        && n.series().isEmpty()).mapToInt(RebuiltDay.HighestNumber::number).max().orElse(0)));
        assertThat(day.counterStates()).containsAllEntriesOf(live.counterStates());
        assertThat(verifier.verify().ok()).as("the journal's hash chain, new columns included").isTrue();
    }

    /** The live tables, as a rebuild would give them: services and counters by code. */
    private record Live(List<RebuiltDay.RebuiltToken> tokens, List<RebuiltDay.HighestNumber> highestNumbers,
            Map<String, Integer> onlineSequences, Map<String, CounterState> counterStates) {
    }

    private Live live() {
        Map<Long, String> serviceCodes = codes("service_point");
        Map<Long, String> counterCodes = codes("counter");
        Set<String> ours = Set.copyOf(services);
        Map<String, Integer> sequences = new HashMap<>();
        services.forEach(s -> sequences.put(s, onlineSequence(s)));
        Map<String, CounterState> counterStates = new HashMap<>();
        counters.forEach(id -> {
            Counter counter = Counter.findById(id);
            counterStates.put(counter.code, counter.state);
        });
        return new Live(liveTokens(serviceCodes, counterCodes, ours), liveHighestNumbers(serviceCodes, ours), sequences,
                counterStates);
    }

    private void setUp() {
        services.add(hospital.service(2));
        services.add(hospital.service(0));
        services.add(hospital.service(1));
        counters.add(hospital.counter(CounterState.CLOSED, services.get(0)));
        counters.add(hospital.counter(CounterState.CLOSED, services.get(0), services.get(1)));
        counters.add(hospital.counter(CounterState.CLOSED, services.get(1), services.get(2)));
        counters.add(hospital.counter(CounterState.CLOSED, services.get(2)));
        counters.forEach(id -> counterCommands.changeState(id, CounterState.OPEN, "counter"));
        String kioskCode = hospital.kiosk();
        Api.enrol(kioskCode);
        kiosk = QuarkusTransaction.requiringNew().call(() -> Device.findByCode(facility.code(), kioskCode).orElseThrow());
        for (String service : services) {
            offlineNumbers.reserve(kiosk, service, 50); // later numbers are merged as "reservation unknown"
            nextOffline.put(service, 1);
            PaperBooks.BookView book = paperBooks.reserve(service, 400, "admin");
            nextPaper.put(service, book.firstNumber());
            lastPaper.put(service, book.lastNumber());
        }
    }

    /** One command of the day, chosen by the dice; returns its name once it went through. */
    private String step() {
        int roll = random.nextInt(100);
        if (roll < 22) {
            issue(Channel.KIOSK, null);
            return "issue-kiosk";
        } else if (roll < 30) {
            issue(Channel.COUNTER, "registrar");
            return "issue-counter";
        } else if (roll < 34) {
            return syncOffline() ? "offline-sync" : "offline-sync-refused";
        } else if (roll < 37) {
            enterPaper();
            return "paper-entry";
        } else if (roll < 52) {
            return calling.callNext(pick(counters), "counter").map(t -> {
                seen(t);
                return "call-next";
            }).orElse("call-next-nobody");
        } else if (roll < 55) {
            Token t = pickToken(TokenStatus.WAITING, TokenStatus.NO_SHOW);
            seen(random.nextBoolean() ? calling.call(pick(counters), null, t.id, "counter")
                    : calling.call(pick(counters), t.displayNumber, null, "counter"));
            return "call-by-number";
        } else if (roll < 59) {
            seen(actions.recall(pickToken(TokenStatus.CALLED).id, "counter"));
            return "recall";
        } else if (roll < 68) {
            seen(actions.start(pickToken(TokenStatus.CALLED).id, "counter"));
            return "start";
        } else if (roll < 80) {
            seen(actions.complete(pickToken(TokenStatus.SERVING, TokenStatus.CALLED).id, "counter"));
            return "complete";
        } else if (roll < 85) {
            seen(actions.noShow(pickToken(TokenStatus.CALLED).id, random.nextBoolean() ? null : random.nextInt(4),
                    "counter"));
            return "no-show";
        } else if (roll < 88) {
            seen(actions.requeue(pickToken(TokenStatus.NO_SHOW).id, random.nextBoolean() ? null : random.nextInt(6),
                    "counter"));
            return "requeue";
        } else if (roll < 93) {
            seen(actions.transfer(pickToken(TokenStatus.WAITING, TokenStatus.CALLED, TokenStatus.SERVING).id,
                    pick(services), "counter"));
            return "transfer";
        } else if (roll < 96) {
            seen(actions.cancel(pickToken(TokenStatus.WAITING, TokenStatus.NO_SHOW, TokenStatus.CALLED).id, "counter"));
            return "cancel";
        }
        CounterState[] states = CounterState.values();
        counterCommands.changeState(pick(counters), random.nextInt(3) == 0 ? states[random.nextInt(states.length)]
                : CounterState.OPEN, "counter");
        return "counter-state";
    }

    private void issue(Channel channel, String actor) {
        IssueTokenRequest request = new IssueTokenRequest(UUID.randomUUID(), pick(services), category(), channel,
                patient(), null, null, null);
        seen(issuing.issue(request, actor).token());
        if (random.nextInt(20) == 0) {
            seen(issuing.issue(request, actor).token()); // a retry: the same token, and nothing new in the journal
        }
    }

    private boolean syncOffline() {
        List<OfflineToken> items = new ArrayList<>();
        Instant now = clock.now();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            String service = pick(services);
            int number = nextOffline.merge(service, 1, Integer::sum) - 1;
            if (number > 999) {
                continue;
            }
            items.add(new OfflineToken(UUID.randomUUID(), service, category(), service + "-" + kiosk.numberSeries
                    + String.format("%03d", number), now.minusMillis(random.nextInt(60_000)), patient()));
        }
        boolean merged = false;
        for (SyncResult result : offlineSync.merge(kiosk, now, items)) {
            if (result.tokenId() != null) {
                seen(QuarkusTransaction.requiringNew().call(() -> Token.<Token>findById(result.tokenId())));
                merged = true;
            }
        }
        return merged;
    }

    private void enterPaper() {
        String service = pick(services);
        int number = nextPaper.merge(service, 1, Integer::sum) - 1;
        if (number > lastPaper.get(service)) {
            return;
        }
        PaperEntryRequest request = new PaperEntryRequest(random.nextBoolean() ? UUID.randomUUID() : null,
                PaperNumber.format(service, number), clock.now().minusSeconds(random.nextInt(40)), category(),
                random.nextInt(4) == 0, patient());
        seen(paperEntry.enter(request, "registrar").token());
    }

    private String category() {
        return switch (random.nextInt(6)) {
            case 0 -> "SENIOR_CITIZEN";
            case 1 -> "DIVYANG";
            default -> "GENERAL";
        };
    }

    private PatientDetails patient() {
        return switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> new PatientDetails("  रमेश कुमार " + random.nextInt(100), 30 + random.nextInt(60), Sex.MALE,
                    "98" + (10_000_000 + random.nextInt(89_999_999)), null, null);
            case 2 -> new PatientDetails("Asha \"A\" Devi", null, Sex.FEMALE, null, "12-3456-7890-1234",
                    "UH/" + random.nextInt(10_000));
            default -> new PatientDetails(null, 70, null, null, null, null);
        };
    }

    private void seen(Token token) {
        if (tokens.put(token.id, token) == null) {
            tokenIds.add(token.id);
        }
    }

    /** Mostly a token the command suits, now and then any token (a refusal must leave no trace either). */
    private Token pickToken(TokenStatus... suited) {
        if (tokenIds.isEmpty()) {
            throw ProblemException.illegal("no token yet");
        }
        if (random.nextInt(10) > 0) {
            Set<TokenStatus> wanted = Set.of(suited);
            List<Token> fitting = tokens.values().stream().filter(t -> wanted.contains(t.status)).toList();
            if (!fitting.isEmpty()) {
                return fitting.get(random.nextInt(fitting.size()));
            }
        }
        return tokens.get(tokenIds.get(random.nextInt(tokenIds.size())));
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private Map<Long, String> codes(String table) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, code FROM " + table).getResultList();
        return rows.stream().collect(Collectors.toMap(r -> ((Number) r[0]).longValue(), r -> (String) r[1]));
    }

    /** The token table as a rebuild would give it: codes for ids, the request id from where the request was kept. */
    private List<RebuiltDay.RebuiltToken> liveTokens(Map<Long, String> serviceCodes, Map<Long, String> counterCodes,
            Set<String> ours) {
        Map<Long, String> requestIds = new HashMap<>();
        Map<Long, Long> books = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> keys = em.createNativeQuery("SELECT token_id, request_id FROM idempotency_key").getResultList();
        keys.forEach(r -> requestIds.put(((Number) r[0]).longValue(), (String) r[1]));
        @SuppressWarnings("unchecked")
        List<Object[]> slips = em.createNativeQuery(
                "SELECT token_id, request_id, book_id FROM paper_slip WHERE token_id IS NOT NULL").getResultList();
        slips.forEach(r -> {
            requestIds.put(((Number) r[0]).longValue(), (String) r[1]);
            books.put(((Number) r[0]).longValue(), ((Number) r[2]).longValue());
        });
        return Token.<Token>find("order by id").stream()
                .filter(t -> ours.contains(serviceCodes.get(t.numberServiceId)))
                .map(t -> new RebuiltDay.RebuiltToken(t.id, t.publicCode, t.businessDay, serviceCodes.get(t.numberServiceId),
                        t.numberSeries, t.number, t.displayNumber, serviceCodes.get(t.serviceId), t.priority,
                        t.priorityLane, t.channel, t.status, t.issuedAt, t.queuedAt, t.calledAt, t.startedAt,
                        t.completedAt, t.counterId == null ? null : counterCodes.get(t.counterId), t.callCount,
                        PatientJson.write(t.patient()), requestIds.get(t.id), t.degraded, t.deviceId, t.deviceTime,
                        t.receivedAt, t.reservationUnknown, t.channel == Channel.OFFLINE_KIOSK ? t.displayNumber : null,
                        books.get(t.id), t.estimatedWaitAtIssue))
                .toList();
    }

    private List<RebuiltDay.HighestNumber> liveHighestNumbers(Map<Long, String> serviceCodes, Set<String> ours) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT number_service_id, number_series, business_day, MAX(number) FROM token
                GROUP BY number_service_id, number_series, business_day""").getResultList();
        return rows.stream().filter(r -> ours.contains(serviceCodes.get(((Number) r[0]).longValue())))
                .map(r -> new RebuiltDay.HighestNumber(serviceCodes.get(((Number) r[0]).longValue()), (String) r[1],
                        r[2] instanceof LocalDate d ? d : ((java.sql.Date) r[2]).toLocalDate(), ((Number) r[3]).intValue()))
                .toList();
    }

    private int onlineSequence(String service) {
        @SuppressWarnings("unchecked")
        List<Number> last = em.createNativeQuery("""
                SELECT s.last_number FROM token_number_sequence s JOIN service_point p ON p.id = s.service_id
                WHERE p.code = ?1 AND s.business_day = ?2""").setParameter(1, service)
                .setParameter(2, clock.businessDay()).getResultList();
        return last.isEmpty() ? 0 : last.get(0).intValue();
    }
}
