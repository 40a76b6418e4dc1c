package org.opdqueue.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opdqueue.token.TokenStatus.CALLED;
import static org.opdqueue.token.TokenStatus.CANCELLED;
import static org.opdqueue.token.TokenStatus.COMPLETED;
import static org.opdqueue.token.TokenStatus.NO_SHOW;
import static org.opdqueue.token.TokenStatus.SERVING;
import static org.opdqueue.token.TokenStatus.WAITING;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.opdqueue.common.ProblemException;
import org.opdqueue.common.ProblemType;
import org.opdqueue.servicepoint.PriorityCategory;
import org.opdqueue.servicepoint.ServicePoint;

/** The token's own rules, without a database: which transition is allowed from which state, and what it changes. */
class TokenTransitionsTest {

    private static final Instant ISSUED = Instant.parse("2026-03-02T04:00:00Z");
    private static final Instant LATER = ISSUED.plusSeconds(600);
    private static final long COUNTER = 7;

    /** Written out by hand (not read from TokenTransition), so that a change to the table fails here. */
    private static final Map<TokenTransition, Set<TokenStatus>> ALLOWED = Map.of(
            TokenTransition.CALL, EnumSet.of(WAITING, NO_SHOW),
            TokenTransition.RECALL, EnumSet.of(CALLED),
            TokenTransition.START, EnumSet.of(CALLED),
            TokenTransition.COMPLETE, EnumSet.of(CALLED, SERVING),
            TokenTransition.MARK_NO_SHOW, EnumSet.of(CALLED),
            TokenTransition.REQUEUE, EnumSet.of(NO_SHOW),
            TokenTransition.TRANSFER, EnumSet.of(WAITING, CALLED, SERVING),
            TokenTransition.CANCEL, EnumSet.of(WAITING, CALLED, SERVING, NO_SHOW),
            TokenTransition.TAKE_AS_SERVED, EnumSet.of(WAITING),
            TokenTransition.UNDO, EnumSet.of(COMPLETED, NO_SHOW));

    private static final ServicePoint MEDICINE = service(1, "MED");
    private static final ServicePoint LAB = service(2, "LAB");

    @ParameterizedTest
    @EnumSource(TokenTransition.class)
    void eachTransitionIsAllowedFromExactlyTheStatesOfTheTable(TokenTransition transition) {
        for (TokenStatus from : TokenStatus.values()) {
            Token token = tokenIn(from);
            if (ALLOWED.get(transition).contains(from)) {
                assertThat(token.allows(transition)).as("%s from %s", transition, from).isTrue();
                apply(transition, token);
            } else {
                assertThat(token.allows(transition)).as("%s from %s", transition, from).isFalse();
                TokenSnapshot before = TokenSnapshot.of(token);
                assertThatThrownBy(() -> apply(transition, token)).as("%s from %s", transition, from)
                        .isInstanceOfSatisfying(ProblemException.class,
                                e -> assertThat(e.type()).isEqualTo(ProblemType.ILLEGAL_TRANSITION));
                assertThat(TokenSnapshot.of(token)).as("a refused %s from %s changes nothing", transition, from)
                        .isEqualTo(before);
            }
        }
    }

    @Test
    void aRefusalSaysWhatTheTokenIsAndWhatItWouldHaveToBe() {
        assertThatThrownBy(() -> tokenIn(COMPLETED).start(LATER)).hasMessage(
                "Token MED-001 is COMPLETED; only a token that is [CALLED] can be started");
        assertThatThrownBy(() -> tokenIn(WAITING).complete(LATER)).hasMessage(
                "Token MED-001 is WAITING; only a token that is [CALLED, SERVING] can be completed");
        assertThatThrownBy(() -> tokenIn(COMPLETED).call(COUNTER, LATER)).hasMessage(
                "Token MED-001 is COMPLETED, it cannot be called");
        assertThatThrownBy(() -> tokenIn(CANCELLED).cancel()).hasMessage(
                "Token MED-001 is CANCELLED; only a token that is [WAITING, CALLED, SERVING, NO_SHOW] can be cancelled");
    }

    @Test
    void aCallTakesTheTokenToTheCounterAndCountsTheCall() {
        Token token = tokenIn(WAITING);
        token.call(COUNTER, LATER);
        assertThat(token.status).isEqualTo(CALLED);
        assertThat(token.counterId).isEqualTo(COUNTER);
        assertThat(token.calledAt).isEqualTo(LATER);
        assertThat(token.callCount).isEqualTo(1);
        token.recall();
        assertThat(token.callCount).isEqualTo(2);
        assertThat(token.status).isEqualTo(CALLED);
    }

    @Test
    void aNoShowCanBeCalledAgainByNumber() {
        Token token = tokenIn(NO_SHOW);
        token.call(COUNTER + 1, LATER);
        assertThat(token.status).isEqualTo(CALLED);
        assertThat(token.counterId).isEqualTo(COUNTER + 1);
    }

    @Test
    void startingRecordsTheStartAndCompletingTheEnd() {
        Token token = tokenIn(CALLED);
        token.start(LATER);
        assertThat(token.status).isEqualTo(SERVING);
        assertThat(token.startedAt).isEqualTo(LATER);
        token.complete(LATER.plusSeconds(300));
        assertThat(token.status).isEqualTo(COMPLETED);
        assertThat(token.startedAt).isEqualTo(LATER);
        assertThat(token.completedAt).isEqualTo(LATER.plusSeconds(300));
    }

    @Test
    void aTokenCompletedWithoutAStartIsServedFromItsCall() {
        Token token = tokenIn(CALLED);
        token.complete(LATER.plusSeconds(60));
        assertThat(token.startedAt).isEqualTo(token.calledAt);
        assertThat(token.completedAt).isEqualTo(LATER.plusSeconds(60));
    }

    @Test
    void aTokenIsNeverCompletedBeforeItStarted() {
        Token token = tokenIn(CALLED);
        token.start(LATER);
        token.complete(LATER.minusSeconds(30)); // an offline console's clock, corrected, may still lag
        assertThat(token.completedAt).isEqualTo(LATER);
    }

    @Test
    void aNoShowKeepsItsCounterUntilRequeued() {
        Token token = tokenIn(CALLED);
        token.markNoShow();
        assertThat(token.status).isEqualTo(NO_SHOW);
        assertThat(token.counterId).isEqualTo(COUNTER);
        Instant place = LATER.plusSeconds(5);
        token.requeue(place);
        assertThat(token.status).isEqualTo(WAITING);
        assertThat(token.counterId).isNull();
        assertThat(token.calledAt).isNull();
        assertThat(token.queuedAt).isEqualTo(place);
    }

    @Test
    void aTransferJoinsTheEndOfTheOtherQueueAsIfNeverCalled() {
        Token token = tokenIn(SERVING);
        token.transferTo(LAB, LATER.plusSeconds(90));
        assertThat(token.status).isEqualTo(WAITING);
        assertThat(token.serviceId).isEqualTo(LAB.id);
        assertThat(token.counterId).isNull();
        assertThat(token.calledAt).isNull();
        assertThat(token.startedAt).isNull();
        assertThat(token.queuedAt).isEqualTo(LATER.plusSeconds(90));
        assertThat(token.numberServiceId).as("the number stays the one it was issued with").isEqualTo(MEDICINE.id);
    }

    @Test
    void aTransferToTheQueueTheTokenIsInIsRefused() {
        Token token = tokenIn(WAITING);
        TokenSnapshot before = TokenSnapshot.of(token);
        assertThatThrownBy(() -> token.transferTo(MEDICINE, LATER))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.type()).isEqualTo(ProblemType.ILLEGAL_TRANSITION))
                .hasMessage("Token MED-001 is already in MED");
        assertThat(TokenSnapshot.of(token)).isEqualTo(before);
    }

    @Test
    void cancellingEndsTheToken() {
        Token token = tokenIn(NO_SHOW);
        token.cancel();
        assertThat(token.status).isEqualTo(CANCELLED);
    }

    @Test
    void aPaperSlipSeenDuringTheOutageIsTakenAsServedWithoutACall() {
        Token token = tokenIn(WAITING);
        token.takeAsServed(LATER);
        assertThat(token.status).isEqualTo(COMPLETED);
        assertThat(token.completedAt).isEqualTo(LATER);
        assertThat(token.calledAt).isNull();
        assertThat(token.startedAt).isNull();
        assertThat(token.callCount).isZero();
    }

    /**
     * Ten thousand random walks through the transitions, each step at a later time: whatever the order, a waiting
     * token holds no counter and no call or start, a token at a counter has both, the call count never falls, and a
     * completed token did not end before it started.
     */
    @Test
    void anUndoneCompleteOrNoShowIsAtItsCounterAgainButAPaperSlipTakenAsServedCannotBeUndone() {
        Token completed = tokenIn(COMPLETED);
        completed.undoClosing(false);
        assertThat(completed.status).isEqualTo(CALLED);
        assertThat(completed.startedAt).isNull();
        assertThat(completed.completedAt).isNull();
        assertThat(completed.counterId).isEqualTo(COUNTER);

        Token noShow = tokenIn(NO_SHOW);
        noShow.undoClosing(true);
        assertThat(noShow.status).isEqualTo(CALLED);

        Token paper = tokenIn(WAITING);
        paper.takeAsServed(LATER);
        assertThat(paper.allows(TokenTransition.UNDO)).isFalse();
        assertThatThrownBy(() -> paper.undoClosing(false)).isInstanceOf(ProblemException.class);
        assertThat(paper.status).isEqualTo(COMPLETED);
    }

    @Test
    void noSequenceOfTransitionsBreaksTheTokensInvariants() {
        Random random = new Random(20260302);
        TokenTransition[] all = TokenTransition.values();
        for (int walk = 0; walk < 10_000; walk++) {
            Token token = Token.waiting("H1", MEDICINE, general(), Channel.KIOSK, "", 1, "MED-001", ISSUED,
                    LocalDate.of(2026, 3, 2), ISSUED, null);
            token.id = 1L;
            Instant at = ISSUED;
            List<TokenTransition> done = new ArrayList<>();
            for (int step = 0; step < 12; step++) {
                at = at.plusSeconds(1 + random.nextInt(600));
                TokenTransition next = all[random.nextInt(all.length)];
                int calls = token.callCount;
                if (token.allows(next)) {
                    apply(next, token, at, random);
                    done.add(next);
                } else {
                    TokenSnapshot before = TokenSnapshot.of(token);
                    Instant when = at;
                    assertThatThrownBy(() -> apply(next, token, when, random)).isInstanceOf(ProblemException.class);
                    assertThat(TokenSnapshot.of(token)).isEqualTo(before);
                }
                String path = "after " + done;
                assertThat(token.callCount).as(path).isGreaterThanOrEqualTo(calls);
                if (token.status == WAITING) {
                    assertThat(token.counterId).as(path).isNull();
                    assertThat(token.calledAt).as(path).isNull();
                    assertThat(token.startedAt).as(path).isNull();
                }
                if (TokenStatus.AT_COUNTER.contains(token.status)) {
                    assertThat(token.counterId).as(path).isNotNull();
                    assertThat(token.calledAt).as(path).isNotNull();
                }
                if (token.status == CALLED || token.status == NO_SHOW) {
                    assertThat(token.startedAt).as(path).isNull();
                }
                if (token.status == COMPLETED && token.startedAt != null) {
                    assertThat(token.completedAt).as(path).isAfterOrEqualTo(token.startedAt);
                }
            }
        }
    }

    private static void apply(TokenTransition transition, Token token) {
        apply(transition, token, LATER, new Random(1));
    }

    private static void apply(TokenTransition transition, Token token, Instant at, Random random) {
        Map<TokenTransition, Consumer<Token>> moves = Map.of(
                TokenTransition.CALL, t -> t.call(COUNTER, at),
                TokenTransition.RECALL, Token::recall,
                TokenTransition.START, t -> t.start(at),
                TokenTransition.COMPLETE, t -> t.complete(at),
                TokenTransition.MARK_NO_SHOW, Token::markNoShow,
                TokenTransition.REQUEUE, t -> t.requeue(at.minusSeconds(random.nextInt(300))),
                TokenTransition.TRANSFER, t -> t.transferTo(t.serviceId.equals(LAB.id) ? MEDICINE : LAB, at),
                TokenTransition.CANCEL, Token::cancel,
                TokenTransition.TAKE_AS_SERVED, t -> t.takeAsServed(at),
                TokenTransition.UNDO, t -> t.undoClosing(random.nextBoolean()));
        moves.get(transition).accept(token);
    }

    /** A token brought into a state the way the system does, so its other fields are as they would be. */
    private static Token tokenIn(TokenStatus status) {
        Token token = Token.waiting("H1", MEDICINE, general(), Channel.KIOSK, "", 1, "MED-001", ISSUED,
                LocalDate.of(2026, 3, 2), ISSUED, null);
        token.id = 1L;
        switch (status) {
            case WAITING -> {
            }
            case CALLED -> token.call(COUNTER, ISSUED.plusSeconds(60));
            case SERVING -> {
                token.call(COUNTER, ISSUED.plusSeconds(60));
                token.start(ISSUED.plusSeconds(90));
            }
            case COMPLETED -> {
                token.call(COUNTER, ISSUED.plusSeconds(60));
                token.complete(ISSUED.plusSeconds(120));
            }
            case NO_SHOW -> {
                token.call(COUNTER, ISSUED.plusSeconds(60));
                token.markNoShow();
            }
            case CANCELLED -> token.cancel();
        }
        assertThat(token.status).isEqualTo(status);
        return token;
    }

    private record TokenSnapshot(TokenStatus status, Long serviceId, Long counterId, Instant calledAt, Instant startedAt,
            Instant completedAt, Instant queuedAt, int callCount) {
        static TokenSnapshot of(Token t) {
            return new TokenSnapshot(t.status, t.serviceId, t.counterId, t.calledAt, t.startedAt, t.completedAt,
                    t.queuedAt, t.callCount);
        }
    }

    private static ServicePoint service(long id, String code) {
        ServicePoint s = new ServicePoint();
        s.id = id;
        s.code = code;
        s.tokenPrefix = code;
        return s;
    }

    private static PriorityCategory general() {
        PriorityCategory c = new PriorityCategory();
        c.code = PriorityCategory.GENERAL;
        return c;
    }
}
