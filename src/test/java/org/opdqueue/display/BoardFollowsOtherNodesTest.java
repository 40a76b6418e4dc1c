package org.opdqueue.display;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

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
import org.opdqueue.support.BoardClient;
import org.opdqueue.support.OpenTransaction;
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
        TestHospital.Hall hall = hospital.hallOfOneCounter();
        try (BoardClient board = BoardClient.connect(base, hall.boardId(), null)) {
            assertThat(board.next().path("type").asText()).isEqualTo("snapshot");
            OpenTransaction<Void> early = OpenTransaction.begin(() -> call(hall, "EARLY-001"));
            try {
                early.worked();
                QuarkusTransaction.requiringNew().run(() -> call(hall, "LATER-002"));

                assertThat(number(board.next(BOUND))).as("committed on the other node, read from the journal")
                        .isEqualTo("LATER-002");
                early.commit();
            } finally {
                early.release();
            }
            assertThat(number(board.next(BOUND))).as("its seq was passed over, and asked for again").isEqualTo("EARLY-001");
            assertThat(board.poll(Duration.ofMillis(1200))).as("each once").isNull();
        }
    }

    /** A call journaled by the other node, in the caller's transaction. */
    private Void call(TestHospital.Hall hall, String number) {
        OtherNodeJournal.append(facility, clock, JournalEventType.CALLED,
                JournalEntryBuilder.about(null, number, hall.serviceId()).counter(hall.counterId()));
        return null;
    }

    private static String number(JsonNode message) {
        return message.path("number").asText();
    }
}
