package org.opdqueue.display;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.opdqueue.common.Facility;
import org.opdqueue.journal.Journal;
import org.opdqueue.journal.JournalEntryBuilder;
import org.opdqueue.journal.JournalEventType;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.support.Api;
import org.opdqueue.support.BoardClient;
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

    @Inject
    Facility facility;

    /**
     * Seen in BoardFanOutBench: with ten counters calling at once, one board in eight missed calls, because an entry
     * committed after one with a higher seq was taken for one the board had already seen.
     */
    @Test
    void aCallCommittedAfterALaterNumberedOneStillReachesTheBoard() throws Exception {
        String service = hospital.service();
        long counter = hospital.openCounter(service);
        long hall = hospital.board(List.of(service), List.of(counter));
        Long serviceId = QuarkusTransaction.requiringNew()
                .call(() -> ServicePoint.findByCode(facility.code(), service).orElseThrow().id);
        try (BoardClient board = BoardClient.connect(base, hall, null)) {
            board.next();
            CountDownLatch appended = new CountDownLatch(1);
            CountDownLatch laterCommitted = new CountDownLatch(1);
            CompletableFuture<Void> earlier = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
                journal.append(JournalEventType.CALLED, JournalEntryBuilder.about(null, "EARLY-001", serviceId).counter(counter));
                appended.countDown();
                try {
                    laterCommitted.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
            assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> journal.append(
                    JournalEventType.CALLED, JournalEntryBuilder.about(null, "LATER-002", serviceId).counter(counter))))
                    .get(10, TimeUnit.SECONDS);
            laterCommitted.countDown();
            earlier.get(10, TimeUnit.SECONDS);

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
        String service = hospital.service();
        long counter = hospital.openCounter(service);
        long hall = hospital.board(List.of(service), List.of(counter));
        Long serviceId = QuarkusTransaction.requiringNew()
                .call(() -> ServicePoint.findByCode(facility.code(), service).orElseThrow().id);
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        long[] earlySeq = new long[1];
        CompletableFuture<Void> earlier = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            earlySeq[0] = journal.append(JournalEventType.CALLED,
                    JournalEntryBuilder.about(null, "EARLY-001", serviceId).counter(counter)).seq;
            appended.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        try {
            assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();
            call(serviceId, counter, "LATER-002");
            // the welcome has read the snapshot with EARLY-001 still open; it commits before the welcome is sent
            BoardWelcomes.beforeCommit = () -> {
                release.countDown();
                earlier.join(); // committed, and in the feed's inbox ahead of the welcome
            };
            try (BoardClient board = BoardClient.connect(base, hall, null)) {
                com.fasterxml.jackson.databind.JsonNode snapshot = board.next();
                assertThat(snapshot.path("type").asText()).isEqualTo("snapshot");
                assertThat(snapshot.path("recentCalls").toString()).contains("LATER-002").doesNotContain("EARLY-001");
                assertThat(snapshot.path("pending").toString()).contains(Long.toString(earlySeq[0]));
                com.fasterxml.jackson.databind.JsonNode late = board.next();
                assertThat(late.path("number").asText()).isEqualTo("EARLY-001");
                assertThat(late.path("seq").asLong()).isEqualTo(earlySeq[0]).isLessThan(snapshot.path("seq").asLong());
            }
        } finally {
            BoardWelcomes.beforeCommit = () -> {
            };
            release.countDown();
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
        String service = hospital.service();
        long counter = hospital.openCounter(service);
        long hall = hospital.board(List.of(service), List.of(counter));
        Long serviceId = QuarkusTransaction.requiringNew()
                .call(() -> ServicePoint.findByCode(facility.code(), service).orElseThrow().id);
        CountDownLatch feedHeld = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (BoardClient batching = BoardClient.connect(URI.create(BoardClient.uri(base, hall, null) + "?batch=1"), BoardClient.DEMO_KEY);
                BoardClient older = BoardClient.connect(base, hall, null)) {
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
            call(serviceId, counter, "FIRST-001");
            assertThat(feedHeld.await(10, TimeUnit.SECONDS)).isTrue();
            call(serviceId, counter, "SECOND-002");
            call(serviceId, counter, "THIRD-003");
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

    private void call(Long serviceId, long counter, String number) {
        QuarkusTransaction.requiringNew().run(() -> journal.append(JournalEventType.CALLED,
                JournalEntryBuilder.about(null, number, serviceId).counter(counter)));
    }
}
