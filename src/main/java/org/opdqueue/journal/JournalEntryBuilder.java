package org.opdqueue.journal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** What an entry is about; the journal adds type, time, facility and actor. */
public final class JournalEntryBuilder {

    private final JournalEntry entry = new JournalEntry();
    /** Where the token waited before and after the change, when that changed (the waiting counts follow it). */
    private WaitingCounts.Move move;

    public static JournalEntryBuilder about(Long tokenId, String displayNumber, Long serviceId) {
        JournalEntryBuilder b = new JournalEntryBuilder();
        b.entry.tokenId = tokenId;
        b.entry.displayNumber = displayNumber;
        b.entry.serviceId = serviceId;
        return b;
    }

    public static JournalEntryBuilder system() {
        return new JournalEntryBuilder();
    }

    /**
     * A token came to be (issued online, merged from an offline kiosk, entered from a paper slip): everything it was
     * made with, so that a rebuild from the journal makes the same token again (recovery/DayRebuild).
     */
    public static JournalEntryBuilder issued(JournalToken token, String requestId) {
        JournalEntryBuilder b = changed(token);
        JournalEntry e = b.entry;
        e.requestId = requestId;
        e.publicCode = token.publicCode();
        e.tokenDay = token.businessDay();
        e.numberSeries = token.numberSeries();
        e.tokenNumber = token.number();
        e.priority = token.priority();
        e.priorityLane = token.priorityLane();
        e.channel = token.channel();
        e.issuedAt = micros(token.issuedAt());
        e.receivedAt = micros(token.receivedAt());
        e.reservationUnknown = token.reservationUnknown();
        e.patient = token.patient();
        e.estimatedWaitAtIssue = token.estimatedWaitAtIssue();
        if (token.degraded()) {
            b.degraded(token.deviceId(), token.deviceTime());
        }
        return b;
    }

    /**
     * Something happened to a token: the entry is about it, at the counter holding it, and holds the state the token
     * is in afterwards, so a rebuild takes the last entry of each token as its state and need not re-apply the rules.
     */
    public static JournalEntryBuilder changed(JournalToken token) {
        JournalEntryBuilder b = about(token.id(), token.displayNumber(), token.serviceId());
        JournalEntry e = b.entry;
        e.counterId = token.counterId();
        e.counterCode = token.counterCode();
        e.tokenStatus = token.status();
        e.serviceCode = token.serviceCode();
        e.tokenCounterCode = token.counterCode();
        e.queuedAt = micros(token.queuedAt());
        e.calledAt = micros(token.calledAt());
        e.startedAt = micros(token.startedAt());
        e.completedAt = micros(token.completedAt());
        e.callCount = token.callCount();
        b.move = WaitingCounts.Move.of(token.waitingBefore(), token.waitingAfter());
        return b;
    }

    /** A counter opened, paused or closed; the text says so too unless a detail is given. */
    public static JournalEntryBuilder counterChanged(Long counterId, String counterCode, Enum<?> before, Enum<?> after) {
        JournalEntryBuilder b = system().counter(counterId).counterState(before, after);
        b.entry.counterCode = counterCode;
        return b;
    }

    public JournalEntryBuilder counter(Long counterId) {
        entry.counterId = counterId;
        return this;
    }

    public JournalEntryBuilder fromService(Long serviceId) {
        entry.fromServiceId = serviceId;
        return this;
    }

    /** A transfer: the service the token left, by id and by code. */
    public JournalEntryBuilder fromService(Long serviceId, String serviceCode) {
        entry.fromServiceId = serviceId;
        entry.fromServiceCode = serviceCode;
        return this;
    }

    /** Where it happened, when that is not the counter holding the token now (a transfer leaves its counter). */
    public JournalEntryBuilder at(Long counterId, String counterCode) {
        entry.counterId = counterId;
        entry.counterCode = counterCode;
        return this;
    }

    /** An offline kiosk token: the number as the kiosk printed it. */
    public JournalEntryBuilder offlineNumber(String number) {
        entry.offlineNumber = number;
        return this;
    }

    /** A paper token: the book its slip was in. */
    public JournalEntryBuilder paperBook(Long bookId) {
        entry.paperBookId = bookId;
        return this;
    }

    public JournalEntryBuilder actor(String actor) {
        entry.actor = actor;
        return this;
    }

    public JournalEntryBuilder detail(String detail) {
        entry.detail = detail;
        return this;
    }

    /** A counter opened, paused or closed; the text says so too unless a detail is given. */
    public JournalEntryBuilder counterState(Enum<?> before, Enum<?> after) {
        entry.counterStateBefore = before == null ? null : before.name();
        entry.counterStateAfter = after.name();
        return this;
    }

    /** What the boards already showed during an outage, written once it is over: kept from the boards. */
    public JournalEntryBuilder replayedFromOutage() {
        entry.outageReplay = true;
        return this;
    }

    public JournalEntryBuilder degraded(String deviceId, Instant deviceTime) {
        entry.degraded = true;
        entry.deviceId = deviceId;
        entry.deviceTime = micros(deviceTime);
        return this;
    }

    /** As the database stores it, and so as the content hash must cover it. */
    private static Instant micros(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MICROS);
    }

    WaitingCounts.Move move() {
        return move;
    }

    JournalEntry build() {
        if (entry.detail == null && entry.counterStateAfter != null) {
            entry.detail = entry.counterStateBefore + " -> " + entry.counterStateAfter;
        }
        if (entry.outageReplay && (entry.detail == null || !entry.detail.startsWith(JournalEntry.OUTAGE_REPLAY))) {
            entry.detail = JournalEntry.OUTAGE_REPLAY + (entry.detail == null ? "" : entry.detail);
        }
        return entry;
    }
}
