package org.opdqueue.display;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.journal.JournalEntryBuilder;
import org.opdqueue.journal.JournalEventType;
import org.opdqueue.journal.OtherNodeJournal;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.support.BoardClient;
import org.opdqueue.support.TestHospital;

/**
 * A board shows what another app node committed, which this node hears of only by reading the journal (here
 * without Redis: every {@code opd.redis.check-every}, 500 ms), including an entry that took its seq before a later
 * one and committed after it.
 */
@QuarkusTest
class BoardFollowsOtherNodesTest {

    /** The 500 ms check, and room for reading, sending and a busy machine. */
    static final Duration BOUND = Duration.ofMillis(1500);

    @TestHTTPResource("/")
    URI base;

    @Inject
    TestHospital hospital;

    @Inject
    Facility facility;

    @Inject
    HospitalClock clock;

    @Test
    void aCallAnotherNodeCommitsLateBehindALaterNumberedOneStillReachesTheBoard() throws Exception {
        String service = hospital.service();
        long counter = hospital.openCounter(service);
        long hall = hospital.board(List.of(service), List.of(counter));
        Long serviceId = QuarkusTransaction.requiringNew()
                .call(() -> ServicePoint.findByCode(facility.code(), service).orElseThrow().id);
        try (BoardClient board = BoardClient.connect(base, hall, null)) {
            assertThat(board.next().path("type").asText()).isEqualTo("snapshot");
            CountDownLatch appended = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> early = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
                OtherNodeJournal.append(facility, clock, JournalEventType.CALLED,
                        JournalEntryBuilder.about(null, "EARLY-001", serviceId).counter(counter));
                appended.countDown();
                await(release);
            }));
            assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();
            QuarkusTransaction.requiringNew().run(() -> OtherNodeJournal.append(facility, clock, JournalEventType.CALLED,
                    JournalEntryBuilder.about(null, "LATER-002", serviceId).counter(counter)));

            assertThat(number(board.next(BOUND))).as("committed on the other node, read from the journal")
                    .isEqualTo("LATER-002");
            release.countDown();
            early.get(10, TimeUnit.SECONDS);
            assertThat(number(board.next(BOUND))).as("its seq was passed over, and asked for again").isEqualTo("EARLY-001");
            assertThat(board.poll(Duration.ofMillis(1200))).as("each once").isNull();
        }
    }

    private static String number(JsonNode message) {
        return message.path("number").asText();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
