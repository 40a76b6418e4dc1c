package org.opdqueue.display;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.opdqueue.journal.Journal;
import org.opdqueue.journal.JournalEntryBuilder;
import org.opdqueue.journal.JournalEventType;
import org.opdqueue.support.Api;
import org.opdqueue.support.BoardClient;
import org.opdqueue.support.OpenTransaction;
import org.opdqueue.support.TestHospital;

/** One event, written once, reaches every board of the halls that show it, and no board of any other hall. */
@QuarkusTest
class BoardFanOutTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    TestHospital hospital;

    @Inject
    Journal journal;

    /**
     * Seen in BoardFanOutBench: with ten counters calling at once, one board in eight missed calls, because an entry
     * committed after one with a higher seq was taken for one the board had already seen.
     */
    @Test
    void aCallCommittedAfterALaterNumberedOneStillReachesTheBoard() throws Exception {
        TestHospital.Hall hall = hospital.hallOfOneCounter();
        try (BoardClient board = BoardClient.connect(base, hall.boardId(), null)) {
            board.next();
            OpenTransaction<Long> early = OpenTransaction.begin(() -> call(hall, "EARLY-001"));
            try {
                early.worked();
                QuarkusTransaction.requiringNew().run(() -> call(hall, "LATER-002"));
                early.commit();
            } finally {
                early.release();
            }

            assertThat(List.of(board.next().path("number").asText(), board.next().path("number").asText()))
                    .containsExactly("LATER-002", "EARLY-001");
        }
    }

    /**
     * A board joining while a call with a lower seq than the journal's last is still open: its snapshot cannot hold
     * that call, and it commits while the welcome is on its way. The snapshot names its seq pending, and the board is
     * sent the call after the snapshot (before, both the server and the board took it for one the snapshot held).
     */
    @Test
    void aCallThatCommitsLateWhileABoardJoinsStillReachesThatBoard() throws Exception {
        TestHospital.Hall hall = hospital.hallOfOneCounter();
        OpenTransaction<Long> early = OpenTransaction.begin(() -> call(hall, "EARLY-001"));
        try {
            long earlySeq = early.worked();
            QuarkusTransaction.requiringNew().run(() -> call(hall, "LATER-002"));
            // the welcome has read the snapshot with EARLY-001 still open; it commits before the welcome is sent, and
            // is in the feed's inbox ahead of it
            BoardWelcomes.beforeCommit = early::commit;
            try (BoardClient board = BoardClient.connect(base, hall.boardId(), null)) {
                com.fasterxml.jackson.databind.JsonNode snapshot = board.next();
                assertThat(snapshot.path("type").asText()).isEqualTo("snapshot");
                assertThat(snapshot.path("recentCalls").toString()).contains("LATER-002").doesNotContain("EARLY-001");
                assertThat(snapshot.path("pending").toString()).contains(Long.toString(earlySeq));
                com.fasterxml.jackson.databind.JsonNode late = board.next();
                assertThat(late.path("number").asText()).isEqualTo("EARLY-001");
                assertThat(late.path("seq").asLong()).isEqualTo(earlySeq).isLessThan(snapshot.path("seq").asLong());
            }
        } finally {
            BoardWelcomes.beforeCommit = () -> {
            };
            early.release();
        }
    }

    @Test
    void everyBoardOfAHallGetsTheSameEventAndOtherHallsGetNone() {
        String shownHere = hospital.service();
        long counterHere = hospital.openCounter(shownHere);
        long hall = hospital.board(List.of(shownHere), List.of(counterHere));
        String shownElsewhere = hospital.service();
        long counterElsewhere = hospital.openCounter(shownElsewhere);
        long otherHall = hospital.board(List.of(shownElsewhere), List.of(counterElsewhere));
        List<BoardClient> here = new ArrayList<>();
        List<BoardClient> elsewhere = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                here.add(BoardClient.connect(base, hall, null));
                elsewhere.add(BoardClient.connect(base, otherHall, null));
            }
            here.forEach(BoardClient::next); // snapshots
            elsewhere.forEach(BoardClient::next);

            String number = Api.issue(shownHere).getString("number");
            Api.callNext(counterHere).then().statusCode(200);
            for (BoardClient board : here) {
                assertThat(board.next().path("type").asText()).isEqualTo("waiting");
                assertThat(board.next().path("number").asText()).isEqualTo(number);
            }
            List<String> firstBoardGot = here.get(0).everything().subList(1, 3);
            assertThat(here).allSatisfy(board -> assertThat(board.everything().subList(1, 3)).isEqualTo(firstBoardGot));

            String theirs = Api.issue(shownElsewhere).getString("number");
            for (BoardClient board : elsewhere) {
                assertThat(board.next().path("number").asText()).as("the first event after the snapshot").isEqualTo(theirs);
                assertThat(board.poll(Duration.ofMillis(200))).isNull();
                assertThat(board.everything()).noneMatch(m -> m.contains(number) || m.contains(shownHere));
            }
            assertThat(here).allSatisfy(board -> assertThat(board.everything()).noneMatch(m -> m.contains(theirs)));
        } finally {
            here.forEach(BoardClient::close);
            elsewhere.forEach(BoardClient::close);
        }
    }

    /**
     * While the feed is still writing one batch, what commits meanwhile goes to a board that takes batches as one
     * frame (a JSON array, in commit order, every event in it); a board whose page predates batches gets each alone.
     */
    @Test
    void eventsCommittedWhileTheFeedIsBusyReachABatchingBoardAsOneFrameAndAnOlderBoardOneByOne() throws Exception {
        TestHospital.Hall hall = hospital.hallOfOneCounter();
        CountDownLatch feedHeld = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (BoardClient batching = BoardClient.connect(URI.create(BoardClient.uri(base, hall.boardId(), null) + "?batch=1"), BoardClient.DEMO_KEY);
                BoardClient older = BoardClient.connect(base, hall.boardId(), null)) {
            batching.next();
            older.next();
            DisplayFeed.beforeDelivery = () -> {
                if (feedHeld.getCount() > 0) {
                    feedHeld.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            };
            QuarkusTransaction.requiringNew().run(() -> call(hall, "FIRST-001"));
            assertThat(feedHeld.await(10, TimeUnit.SECONDS)).isTrue();
            QuarkusTransaction.requiringNew().run(() -> call(hall, "SECOND-002"));
            QuarkusTransaction.requiringNew().run(() -> call(hall, "THIRD-003"));
            release.countDown();

            assertThat(batching.next().path("number").asText()).isEqualTo("FIRST-001");
            com.fasterxml.jackson.databind.JsonNode frame = batching.next();
            assertThat(frame.isArray()).as("one frame for what committed while the feed was busy").isTrue();
            assertThat(List.of(frame.get(0).path("number").asText(), frame.get(1).path("number").asText()))
                    .containsExactly("SECOND-002", "THIRD-003");
            assertThat(frame.size()).isEqualTo(2);
            assertThat(List.of(older.next().path("number").asText(), older.next().path("number").asText(),
                    older.next().path("number").asText())).containsExactly("FIRST-001", "SECOND-002", "THIRD-003");
            assertThat(older.everything()).noneMatch(text -> text.startsWith("["));
        } finally {
            release.countDown();
            DisplayFeed.beforeDelivery = () -> {
            };
        }
    }

    /** A call journaled in the caller's transaction; its seq. */
    private long call(TestHospital.Hall hall, String number) {
        return journal.append(JournalEventType.CALLED,
                JournalEntryBuilder.about(null, number, hall.serviceId()).counter(hall.counterId())).seq;
    }
}
