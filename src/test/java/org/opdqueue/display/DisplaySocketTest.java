package org.opdqueue.display;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.opdqueue.journal.Journal;
import org.opdqueue.journal.JournalEntryBuilder;
import org.opdqueue.journal.JournalEventType;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.support.Api;
import org.opdqueue.support.BoardClient;
import org.opdqueue.support.Parallel;
import org.opdqueue.support.TestHospital;

@QuarkusTest
class DisplaySocketTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    TestHospital hospital;

    @Inject
    Journal journal;

    String service;
    long counter;
    long board;

    @BeforeEach
    void hall() {
        service = hospital.service();
        counter = hospital.openCounter(service);
        board = hospital.board(List.of(service), List.of(counter));
    }

    @Test
    void aBoardOfferingCompressionAsChromiumDoesIsAnsweredWithoutIt() throws Exception {
        // Chromium offers permessage-deflate on every socket; agreed to, the server would keep a deflate stream per
        // board and compress each frame for each board again (measured: 2 to 4 times the CPU a call at 1,000 boards)
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(BoardClient.DEMO_KEY.getBytes(StandardCharsets.UTF_8));
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("GET /ws/display/" + board + " HTTP/1.1\r\n"
                    + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Protocol: opd-board, opd-board-key." + key + "\r\n"
                    + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            BufferedReader answer = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            List<String> head = new ArrayList<>();
            for (String line = answer.readLine(); line != null && !line.isEmpty(); line = answer.readLine()) {
                head.add(line.toLowerCase());
            }
            assertThat(head).first().asString().startsWith("http/1.1 101");
            assertThat(head).contains("sec-websocket-protocol: opd-board")
                    .noneMatch(h -> h.startsWith("sec-websocket-extensions"));
        }
    }

    @Test
    void snapshotOnConnectThenOneEventPerChange() {
        try (BoardClient client = BoardClient.connect(base, board, null)) {
            JsonNode snapshot = client.next();
            assertThat(snapshot.path("type").asText()).isEqualTo("snapshot");
            assertThat(snapshot.path("seq").asLong()).isPositive();
            assertThat(snapshot.path("board").path("id").asLong()).isEqualTo(board);
            assertThat(snapshot.path("mode").asText()).isEqualTo("NORMAL");
            assertThat(snapshot.path("counters").get(0).path("id").asLong()).isEqualTo(counter);
            assertThat(snapshot.path("services").get(0).path("code").asText()).isEqualTo(service);

            String number = Api.issue(service).getString("number");
            JsonNode issued = client.next();
            assertThat(issued.path("type").asText()).isEqualTo("waiting");
            assertThat(issued.path("serviceCode").asText()).isEqualTo(service);
            assertThat(issued.path("waiting").asLong()).isEqualTo(1);
            assertThat(issued.path("seq").asLong()).isGreaterThan(snapshot.path("seq").asLong());

            Api.callNext(counter).then().statusCode(200);
            JsonNode called = client.next();
            assertThat(called.path("type").asText()).isEqualTo("called");
            assertThat(called.path("number").asText()).isEqualTo(number);
            assertThat(called.path("counterId").asLong()).isEqualTo(counter);
            assertThat(called.path("counterName").asText()).startsWith("Test counter");
            assertThat(called.path("recall").asBoolean()).isFalse();
            assertThat(called.path("waiting").asLong()).isZero();
            assertThat(called.path("seq").asLong()).isGreaterThan(issued.path("seq").asLong());
        }
    }

    @Test
    void theHttpSnapshotShowsWhoIsCalledWhere() {
        String number = Api.issue(service).getString("number");
        Api.callNext(counter).then().statusCode(200);
        io.restassured.RestAssured.given().get("/api/display/" + board).then().statusCode(200)
                .body("type", org.hamcrest.Matchers.equalTo("snapshot"))
                .body("counters[0].number", org.hamcrest.Matchers.equalTo(number))
                .body("recentCalls[0].number", org.hamcrest.Matchers.equalTo(number));
        io.restassured.RestAssured.given().get("/api/display/99999999").then().statusCode(404);
        io.restassured.RestAssured.given().get("/api/boards").then().statusCode(200)
                .body("code", org.hamcrest.Matchers.hasItems("HALLA", "HALLB"));
    }

    @Test
    void aCounterWithAHindiNameIsSentWithItOnItsTileItsCallsAndTheHttpSnapshot() {
        // a name the board cannot translate on its own: the Hindi can only come from the server
        hospital.nameCounter(counter, "Cabin 7", "कमरा 7");
        long blank = hospital.openCounter(service);
        hospital.nameCounter(blank, "Cabin 8", "   ");
        long hall = hospital.board(List.of(service), List.of(counter, blank));
        try (BoardClient client = BoardClient.connect(base, hall, null)) {
            JsonNode snapshot = client.next();
            assertThat(snapshot.path("counters").get(0).path("nameHi").asText()).isEqualTo("कमरा 7");
            assertThat(snapshot.path("counters").get(1).path("name").asText()).isEqualTo("Cabin 8");
            assertThat(snapshot.path("counters").get(1).path("nameHi").isNull()).as("blank Hindi name sent as null").isTrue();

            String number = Api.issue(service).getString("number");
            client.next();
            Api.callNext(counter).then().statusCode(200);
            JsonNode called = client.next();
            assertThat(called.path("type").asText()).isEqualTo("called");
            assertThat(called.path("counterName").asText()).isEqualTo("Cabin 7");
            assertThat(called.path("counterNameHi").asText()).isEqualTo("कमरा 7");

            io.restassured.RestAssured.given().get("/api/display/" + hall).then().statusCode(200)
                    .body("counters[0].nameHi", org.hamcrest.Matchers.equalTo("कमरा 7"))
                    .body("recentCalls[0].number", org.hamcrest.Matchers.equalTo(number))
                    .body("recentCalls[0].counterName", org.hamcrest.Matchers.equalTo("Cabin 7"))
                    .body("recentCalls[0].counterNameHi", org.hamcrest.Matchers.equalTo("कमरा 7"));
        }
    }

    @Test
    void nothingArrivesForARolledBackChange() {
        Long serviceId = QuarkusTransaction.requiringNew()
                .call(() -> ServicePoint.findByCode("DEMO", service).orElseThrow().id);
        try (BoardClient client = BoardClient.connect(base, board, null)) {
            client.next();
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    journal.append(JournalEventType.CALLED,
                            JournalEntryBuilder.about(null, "GHOST-001", serviceId).counter(counter));
                    throw new IllegalStateException("rolled back on purpose");
                });
            } catch (IllegalStateException expected) {
                // the change never happened
            }
            String number = Api.issue(service).getString("number");
            JsonNode next = client.next();
            assertThat(next.path("type").asText()).isEqualTo("waiting");
            assertThat(client.poll(Duration.ofMillis(300))).isNull();
            assertThat(client.everything()).noneMatch(m -> m.contains("GHOST"));
            assertThat(number).isNotBlank();
        }
    }

    @Test
    void resumingWithSinceGetsExactlyTheMissedEventsInOrder() {
        long seen;
        try (BoardClient client = BoardClient.connect(base, board, null)) {
            seen = client.next().path("seq").asLong();
        }
        long id = Api.id(Api.issue(service));
        Api.callNext(counter).then().statusCode(200);
        Api.act(id, "complete").then().statusCode(200);
        try (BoardClient client = BoardClient.connect(base, board, seen)) {
            List<String> types = new ArrayList<>();
            List<Long> seqs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                JsonNode e = client.next();
                types.add(e.path("type").asText());
                seqs.add(e.path("seq").asLong());
            }
            assertThat(types).containsExactly("waiting", "called", "cleared");
            assertThat(seqs).isSorted().allMatch(s -> s > seen);
            assertThat(client.poll(Duration.ofMillis(300))).isNull();
        }
    }

    @Test
    void resumingFromTooFarBackOrFromAnotherDatabaseGetsAFreshSnapshot() throws Exception {
        long seen;
        try (BoardClient client = BoardClient.connect(base, board, null)) {
            seen = client.next().path("seq").asLong();
        }
        // more than the feed replays, spread over services so the issues do not queue behind one number lock
        List<String> busy = List.of(hospital.service(), hospital.service(), hospital.service(), hospital.service());
        int issued = 0;
        while (issued <= DisplayFeed.MAX_REPLAY) {
            issued += (int) Parallel.all(200, i -> Api.post("/api/tokens", Api.issueBody(busy.get(i % 4), "GENERAL")))
                    .stream().filter(r -> r.statusCode() == 201).count();
        }
        try (BoardClient client = BoardClient.connect(base, board, seen)) {
            assertThat(client.next(Duration.ofSeconds(30)).path("type").asText()).isEqualTo("snapshot");
        }
        try (BoardClient client = BoardClient.connect(base, board, seen + 1_000_000)) {
            assertThat(client.next().path("type").asText()).isEqualTo("snapshot");
        }
    }

    @Test
    void aBoardHearsNothingAboutAnotherHallsServices() {
        String otherService = hospital.service();
        long otherCounter = hospital.openCounter(otherService);
        long otherBoard = hospital.board(List.of(otherService), List.of(otherCounter));
        try (BoardClient hallA = BoardClient.connect(base, board, null);
                BoardClient hallB = BoardClient.connect(base, otherBoard, null)) {
            hallA.next();
            hallB.next();
            Api.issue(otherService);
            Api.callNext(otherCounter).then().statusCode(200);
            assertThat(hallB.next().path("type").asText()).isEqualTo("waiting");
            assertThat(hallB.next().path("type").asText()).isEqualTo("called");
            Api.issue(service);
            assertThat(hallA.next().path("serviceCode").asText()).isEqualTo(service);
            assertThat(hallA.everything()).noneMatch(m -> m.contains(otherService));
        }
    }

    @Test
    void noPersonalFieldEverReachesABoard() {
        try (BoardClient client = BoardClient.connect(base, board, null)) {
            client.next();
            Map<String, Object> body = new HashMap<>(Api.issueBody(service, "PREGNANT"));
            body.put("patient", Map.of("name", "सुनीता देवी", "age", 29, "sex", "FEMALE", "mobile", "9123456780",
                    "abha", "91234567801234", "uhid", "UHID-SECRET-7"));
            long id = Api.post("/api/tokens", body).then().statusCode(201).extract().jsonPath().getLong("id");
            Api.callNext(counter).then().statusCode(200);
            Api.act(id, "recall").then().statusCode(200);
            Api.act(id, "start").then().statusCode(200);
            Api.act(id, "complete").then().statusCode(200);
            for (int i = 0; i < 5; i++) {
                client.next();
            }
            String snapshot = io.restassured.RestAssured.given().get("/api/display/" + board).asString();
            List<String> messages = new ArrayList<>(client.everything());
            messages.add(snapshot);
            assertThat(messages).hasSize(7).allSatisfy(m -> assertThat(m)
                    .doesNotContain("सुनीता", "9123456780", "91234567801234", "UHID-SECRET", "patient", "mobile",
                            "abha", "uhid", "\"age\"", "FEMALE"));
        }
    }

    @Test
    void anUnknownBoardIsToldAndClosed() {
        try (BoardClient client = BoardClient.connect(base, 99999999, null)) {
            JsonNode error = client.next();
            assertThat(error.path("type").asText()).isEqualTo("error");
            assertThat(error.path("detail").asText()).contains("99999999");
        }
    }
}
