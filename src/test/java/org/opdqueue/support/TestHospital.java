package org.opdqueue.support;

import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.counter.Counter;
import org.opdqueue.counter.CounterService;
import org.opdqueue.counter.CounterState;
import org.opdqueue.device.Device;
import org.opdqueue.device.DeviceKind;
import org.opdqueue.display.Board;
import org.opdqueue.display.BoardCounter;
import org.opdqueue.display.BoardService;
import org.opdqueue.journal.Journal;
import org.opdqueue.journal.JournalEntryBuilder;
import org.opdqueue.journal.JournalEventType;
import org.opdqueue.outage.Outage;
import org.opdqueue.servicepoint.PriorityCategory;
import org.opdqueue.reads.CommittedReadings;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.token.Channel;
import org.opdqueue.token.Token;
import org.opdqueue.token.TokenStatus;

/** The one set of test-data builders: fresh services and counters so tests never share a queue. */
@ApplicationScoped
public class TestHospital {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(1000, 30000));

    private final Facility facility;
    private final HospitalClock clock;
    private final CommittedReadings readings;
    private final Journal journal;

    /** Set-up made here is written straight to the database, so the kept readings are told, as the admin forms do. */
    public TestHospital(Facility facility, HospitalClock clock, CommittedReadings readings, Journal journal) {
        this.facility = facility;
        this.clock = clock;
        this.readings = readings;
        this.journal = journal;
    }

    /** A new active service with its own queue; returns its code. */
    @Transactional
    public String service(int priorityInterleave) {
        String code = "T" + Integer.toString(SEQUENCE.incrementAndGet(), 36).toUpperCase();
        ServicePoint s = new ServicePoint();
        s.facility = facility.code();
        s.code = code;
        s.tokenPrefix = code;
        s.nameEn = "Test service " + code;
        s.nameHi = "परीक्षण सेवा " + code;
        s.opensAt = LocalTime.of(8, 0);
        s.closesAt = LocalTime.of(14, 0);
        s.priorityInterleave = priorityInterleave;
        s.defaultServiceSeconds = 300;
        s.active = true;
        s.persistWithQueue();
        readings.forget();
        return code;
    }

    public String service() {
        return service(2);
    }

    /**
     * Gives the service a token prefix of one fixed width, {@code stem} and two digits (digits are all as wide as
     * each other), free in this hospital; returns it. For tests that measure how wide a called number is: the test
     * codes' letters vary from run to run ("TQ4" is narrower than "THWD").
     */
    @Transactional
    public String fixedWidthPrefix(String code, String stem) {
        ServicePoint s = ServicePoint.findByCode(facility.code(), code).orElseThrow();
        for (int n = 10; n <= 99; n++) {
            String prefix = stem + n;
            if (ServicePoint.count("facility = ?1 and tokenPrefix = ?2", facility.code(), prefix) == 0) {
                s.tokenPrefix = prefix;
                readings.forget();
                return prefix;
            }
        }
        throw new IllegalStateException("every prefix " + stem + "10-" + stem + "99 is taken in " + facility.code());
    }

    /** Sets what an admin sets on /admin/services for the kiosk: its place, picture and where to go in both languages. */
    @Transactional
    public void placeOnKiosk(String code, int order, String pictogram, String roomHint, String roomHintHi) {
        ServicePoint s = ServicePoint.findByCode(facility.code(), code).orElseThrow();
        s.displayOrder = order;
        s.pictogram = pictogram;
        s.roomHint = roomHint;
        s.roomHintHi = roomHintHi;
    }

    /** A new counter serving the given services, in the given state; returns its id. */
    @Transactional
    public long counter(CounterState state, String... serviceCodes) {
        Counter c = new Counter();
        c.facility = facility.code();
        c.code = "C" + Integer.toString(SEQUENCE.incrementAndGet(), 36).toUpperCase();
        c.name = "Test counter " + c.code;
        c.state = state;
        c.persist();
        Arrays.stream(serviceCodes).forEach(code -> CounterService.of(facility.code(), c.id,
                ServicePoint.findByCode(facility.code(), code).orElseThrow().id).persist());
        readings.forget();
        return c.id;
    }

    /** A new board showing the given services and counters; returns its id. */
    @Transactional
    public long board(List<String> serviceCodes, List<Long> counterIds) {
        Board b = new Board();
        b.facility = facility.code();
        b.code = "B" + Integer.toString(SEQUENCE.incrementAndGet(), 36).toUpperCase();
        b.name = "Test hall " + b.code;
        b.nameHi = "परीक्षण कक्ष " + b.code;
        b.ticker = "Welcome";
        b.active = true;
        b.persist();
        serviceCodes.forEach(code -> BoardService.of(facility.code(), b.id,
                ServicePoint.findByCode(facility.code(), code).orElseThrow().id).persist());
        counterIds.forEach(id -> BoardCounter.of(facility.code(), b.id, id).persist());
        readings.forget();
        return b.id;
    }

    /** A new active board PC (without a key yet); returns its code. */
    @Transactional
    public String boardPc() {
        org.opdqueue.device.Device d = new org.opdqueue.device.Device();
        d.facility = facility.code();
        d.code = "PC" + Integer.toString(SEQUENCE.incrementAndGet(), 36).toUpperCase();
        d.name = "Test board PC " + d.code;
        d.kind = org.opdqueue.device.DeviceKind.BOARD;
        d.active = true;
        d.persist();
        return d.code;
    }

    /** A new active kiosk (without a credential yet); returns its code. */
    @Transactional
    public String kiosk() {
        Device d = new Device();
        d.facility = facility.code();
        d.code = "K" + Integer.toString(SEQUENCE.incrementAndGet(), 36).toUpperCase();
        d.name = "Test kiosk " + d.code;
        d.kind = DeviceKind.KIOSK;
        d.active = true;
        d.persist();
        return d.code;
    }

    /** As a restored or replaced database would be: the kiosk's reserved blocks are no longer on record. */
    @Transactional
    public int forgetReservations(String kioskCode) {
        return Device.getEntityManager().createNativeQuery("""
                DELETE FROM offline_reserve WHERE device_id = (SELECT id FROM device WHERE facility = ?1 AND code = ?2)""")
                .setParameter(1, facility.code()).setParameter(2, kioskCode).executeUpdate();
    }

    /**
     * A token as the offline merge or the paper back-entry leaves it: issued at the device or slip time, received
     * later, numbered in its own series, journaled as they journal it; returns its id.
     */
    @Transactional
    public long mergedToken(String serviceCode, Channel channel, Instant issuedAt, Instant receivedAt) {
        Token t = merged(serviceCode, channel, issuedAt, receivedAt);
        journal.append(JournalEventType.ISSUED, JournalEntryBuilder.issued(t.journaled(null), UUID.randomUUID().toString()));
        readings.forget();
        return t.id;
    }

    /** A long queue in one go: {@code n} waiting kiosk tokens merged from offline, issued a second apart. */
    @Transactional
    public void longQueue(String serviceCode, int n) {
        Instant first = clock.now().minusSeconds(n);
        List<JournalEntryBuilder> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Token t = merged(serviceCode, Channel.OFFLINE_KIOSK, first.plusSeconds(i), clock.now());
            entries.add(JournalEntryBuilder.issued(t.journaled(null), UUID.randomUUID().toString()));
        }
        journal.appendAll(JournalEventType.ISSUED, entries);
        readings.forget();
    }

    private Token merged(String serviceCode, Channel channel, Instant issuedAt, Instant receivedAt) {
        ServicePoint s = ServicePoint.findByCode(facility.code(), serviceCode).orElseThrow();
        Token t = new Token();
        t.facility = facility.code();
        t.publicCode = Token.newPublicCode();
        t.businessDay = clock.businessDayOf(issuedAt);
        t.numberServiceId = s.id;
        t.numberSeries = channel == Channel.PAPER ? "P" : "K";
        t.number = SEQUENCE.incrementAndGet();
        t.displayNumber = s.displayNumber(t.numberSeries, t.number);
        t.serviceId = s.id;
        t.priority = "GENERAL";
        t.channel = channel;
        t.status = TokenStatus.WAITING;
        t.issuedAt = issuedAt;
        t.queuedAt = issuedAt;
        t.receivedAt = receivedAt;
        t.degraded = true;
        t.deviceTime = issuedAt;
        t.persist();
        return t;
    }

    /** A recorded outage, as {@code OutageRecovery} writes it when the database is back; returns its id. */
    @Transactional
    public long outage(Instant startedAt, Instant endedAt, String cause, int relayedCalls) {
        Outage o = new Outage();
        o.facility = facility.code();
        o.startedAt = startedAt;
        o.endedAt = endedAt;
        o.cause = cause;
        o.relayedCalls = relayedCalls;
        o.persist();
        return o.id;
    }

    /** A new active priority category (kiosk picture: SENIOR_CITIZEN) in the given lane; returns its code. */
    @Transactional
    public String category(boolean priorityLane) {
        PriorityCategory c = new PriorityCategory();
        c.facility = facility.code();
        c.code = "TC_" + Integer.toString(SEQUENCE.incrementAndGet(), 36).toUpperCase();
        c.nameEn = "Test category " + c.code;
        c.nameHi = "परीक्षण श्रेणी " + c.code;
        c.priority = priorityLane;
        c.sortOrder = 900;
        c.icon = "SENIOR_CITIZEN";
        c.active = true;
        c.persist();
        readings.forget();
        return c.code;
    }

    /** Stops offering a category, as its admin page does. */
    @Transactional
    public void deactivateCategory(String code) {
        PriorityCategory.findByCode(facility.code(), code).orElseThrow().active = false;
        readings.forget();
    }

    public long openCounter(String... serviceCodes) {
        return counter(CounterState.OPEN, serviceCodes);
    }

    /** A new service with one open counter, and a board of its own showing both (for tests that journal calls). */
    public record Hall(long boardId, long counterId, long serviceId) {
    }

    public Hall hallOfOneCounter() {
        String service = service();
        long counter = openCounter(service);
        long board = board(List.of(service), List.of(counter));
        return new Hall(board, counter, io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> ServicePoint.findByCode(facility.code(), service).orElseThrow().id));
    }

    /** Gives a counter the name patients see ("Room 4"), as an admin would. */
    @Transactional
    public void nameCounter(long counterId, String name) {
        Counter.<Counter>findById(counterId).name = name;
    }

    /** Gives a counter both names patients see ("Cabin 7", "कमरा 7"), as an admin would on /admin/counters. */
    @Transactional
    public void nameCounter(long counterId, String name, String nameHi) {
        Counter c = Counter.findById(counterId);
        c.name = name;
        c.nameHi = nameHi;
    }
}
