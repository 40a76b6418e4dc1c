package org.opdqueue.display;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

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
}
