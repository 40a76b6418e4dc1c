package org.opdqueue.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.opdqueue.counter.CounterState;
import org.opdqueue.journal.JournalEventType;
import org.opdqueue.token.Channel;
import org.opdqueue.token.TokenStatus;

/** The rebuild on journal entries written by hand: no database, no application. */
class DayRebuildTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-30");
    private static final Instant T0 = Instant.parse("2026-11-30T03:30:00Z");

    private final List<JournalRecord> journal = new ArrayList<>();

    @Test
    void aTransferredTokenKeepsItsNumberAndIsInTheNewQueueWithNoCounter() {
        issued(1, 10, "MED", "", 1, Channel.KIOSK);
        changed(2, JournalEventType.CALLED, 10, TokenStatus.CALLED, "MED", "C1", at(60), at(60), null, null, 1);
        changed(3, JournalEventType.STARTED, 10, TokenStatus.SERVING, "MED", "C1", at(60), at(60), at(90), null, 1);
        changed(4, JournalEventType.TRANSFERRED, 10, TokenStatus.WAITING, "LAB", null, at(300), null, null, null, 1);

        RebuiltDay.RebuiltToken token = only(DayRebuild.rebuild(journal));

        assertThat(token.serviceCode()).isEqualTo("LAB");
        assertThat(token.numberServiceCode()).isEqualTo("MED");
        assertThat(token.displayNumber()).isEqualTo("MED-001");
        assertThat(token.status()).isEqualTo(TokenStatus.WAITING);
        assertThat(token.counterCode()).isNull();
        assertThat(token.queuedAt()).isEqualTo(at(300));
        assertThat(token.calledAt()).isNull();
        assertThat(token.startedAt()).isNull();
        assertThat(token.callCount()).isEqualTo(1);
        assertThat(token.estimatedWaitAtIssue()).as("the wait told at issue, for the accuracy report").isEqualTo(25);
    }

    @Test
    void aRequeuedNoShowWaitsAgainAtItsNewPlace() {
        issued(1, 10, "MED", "", 1, Channel.COUNTER);
        changed(2, JournalEventType.CALLED, 10, TokenStatus.CALLED, "MED", "C1", T0, at(60), null, null, 1);
        changed(3, JournalEventType.NO_SHOW, 10, TokenStatus.NO_SHOW, "MED", "C1", T0, at(60), null, null, 1);
        changed(4, JournalEventType.REQUEUED, 10, TokenStatus.WAITING, "MED", null, at(120), null, null, null, 1);

        RebuiltDay.RebuiltToken token = only(DayRebuild.rebuild(journal));

        assertThat(token.status()).isEqualTo(TokenStatus.WAITING);
        assertThat(token.queuedAt()).isEqualTo(at(120));
        assertThat(token.counterCode()).isNull();
        assertThat(token.calledAt()).isNull();
    }

    @Test
    void aNoShowCalledAgainAndRecalledCountsEveryCall() {
        issued(1, 10, "MED", "", 1, Channel.KIOSK);
        changed(2, JournalEventType.CALLED, 10, TokenStatus.CALLED, "MED", "C1", T0, at(60), null, null, 1);
        changed(3, JournalEventType.NO_SHOW, 10, TokenStatus.NO_SHOW, "MED", "C1", T0, at(60), null, null, 1);
        changed(4, JournalEventType.CALLED, 10, TokenStatus.CALLED, "MED", "C2", T0, at(200), null, null, 2);
        changed(5, JournalEventType.RECALLED, 10, TokenStatus.CALLED, "MED", "C2", T0, at(200), null, null, 3);

        RebuiltDay.RebuiltToken token = only(DayRebuild.rebuild(journal));

        assertThat(token.status()).isEqualTo(TokenStatus.CALLED);
        assertThat(token.counterCode()).isEqualTo("C2");
        assertThat(token.calledAt()).isEqualTo(at(200));
        assertThat(token.callCount()).isEqualTo(3);
    }

    @Test
    void aPaperSlipSeenDuringTheOutageIsCompletedAndItsNumberNeverComesBack() {
        issued(1, 11, "MED", "P", 123, Channel.PAPER);
        changed(2, JournalEventType.COMPLETED, 11, TokenStatus.COMPLETED, "MED", null, T0, null, null, at(30), 0);
        issued(3, 12, "MED", "", 7, Channel.KIOSK);

        RebuiltDay day = DayRebuild.rebuild(journal);

        assertThat(day.tokens()).extracting(RebuiltDay.RebuiltToken::id).containsExactly(11L, 12L);
        RebuiltDay.RebuiltToken paper = day.tokens().get(0);
        assertThat(paper.channel()).isEqualTo(Channel.PAPER);
        assertThat(paper.displayNumber()).isEqualTo("MED-P123");
        assertThat(paper.status()).isEqualTo(TokenStatus.COMPLETED);
        assertThat(paper.completedAt()).isEqualTo(at(30));
        assertThat(paper.paperBookId()).isEqualTo(5L);
        assertThat(day.highestNumbers()).containsExactly(new RebuiltDay.HighestNumber("MED", "", DAY, 7),
                new RebuiltDay.HighestNumber("MED", "P", DAY, 123));
    }

    @Test
    void entriesAreTakenInSeqOrderWhateverOrderTheyArrive() {
        issued(1, 10, "MED", "", 1, Channel.KIOSK);
        changed(3, JournalEventType.COMPLETED, 10, TokenStatus.COMPLETED, "MED", "C1", T0, at(60), at(60), at(90), 1);
        changed(2, JournalEventType.CALLED, 10, TokenStatus.CALLED, "MED", "C1", T0, at(60), null, null, 1);

        assertThat(only(DayRebuild.rebuild(journal)).status()).isEqualTo(TokenStatus.COMPLETED);
    }

    @Test
    void countersAreInTheStateTheirLastChangeLeftAndATokenWithoutItsIssueIsNamedNotGuessed() {
        journal.add(counter(1, "C1", CounterState.OPEN));
        journal.add(counter(2, "C2", CounterState.OPEN));
        journal.add(counter(3, "C1", CounterState.PAUSED));
        changed(4, JournalEventType.CALLED, 99, TokenStatus.CALLED, "MED", "C2", T0, at(60), null, null, 1);

        RebuiltDay day = DayRebuild.rebuild(journal);

        assertThat(day.counterStates()).containsEntry("C1", CounterState.PAUSED).containsEntry("C2", CounterState.OPEN);
        assertThat(day.tokens()).isEmpty();
        assertThat(day.unknownTokens()).containsExactly(99L);
        assertThat(day.lastSeq()).isEqualTo(4);
    }

    private static RebuiltDay.RebuiltToken only(RebuiltDay day) {
        assertThat(day.tokens()).hasSize(1);
        return day.tokens().get(0);
    }

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    private void issued(long seq, long tokenId, String service, String series, int number, Channel channel) {
        boolean paper = channel == Channel.PAPER;
        journal.add(new JournalRecord(seq, "H", JournalEventType.ISSUED, T0, DAY, tokenId,
                service + "-" + series + String.format("%03d", number), 1L, null, null, null, null, channel.offline(),
                paper ? "BOOK-5" : null, null, null, null, false, null, null, paper ? null : "4c1d6d9e-0f5a-4b8e-9c1e-3d2f1a0b9c8d",
                "code" + tokenId, DAY, series, number, "GENERAL", false, channel.name(), T0, T0, null, paper ? 5L : null,
                false, "{\"name\":\"Asha\"}", TokenStatus.WAITING.name(), service, null, null, null, T0, null, null, null,
                0, channel.offline() ? null : 25));
    }

    private void changed(long seq, JournalEventType type, long tokenId, TokenStatus status, String service,
            String counter, Instant queuedAt, Instant calledAt, Instant startedAt, Instant completedAt, int calls) {
        journal.add(new JournalRecord(seq, "H", type, T0, DAY, tokenId, null, 1L, null, null, null, null, false, null,
                null, null, null, false, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, status.name(), service, null, counter, counter, queuedAt, calledAt, startedAt,
                completedAt, calls, null));
    }

    private static JournalRecord counter(long seq, String code, CounterState after) {
        return new JournalRecord(seq, "H", JournalEventType.COUNTER_STATE_CHANGED, T0, DAY, null, null, null, null, 7L,
                null, null, false, null, null, null, after.name(), false, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, code, null, null, null, null,
                null, null, null);
    }
}
