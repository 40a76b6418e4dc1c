package org.opdqueue.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.assertj.core.data.TemporalUnitOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import org.opdqueue.journal.JournalEntry;
import org.opdqueue.support.Api;
import org.opdqueue.support.Parallel;
import org.opdqueue.support.TestHospital;
import org.opdqueue.token.Token;
import org.opdqueue.token.TokenStatus;

/** POST /api/counters/{id}/offline-actions: a counter console's outbox, applied in order, each action once. */
@QuarkusTest
class OfflineActionsTest {

    @Inject
    TestHospital hospital;

    String service;
    long counter;

    @BeforeEach
    void setUp() {
        service = hospital.service();
        counter = hospital.openCounter(service);
    }

    @Test
    void actionsAreAppliedInOrderWithTheConsolesTimesAndAgainChangeNothing() {
        String a = Api.issue(service).getString("number");
        String b = Api.issue(service).getString("number");
        String c = Api.issue(service).getString("number");
        String paper = service + "-P0012";
        Instant t0 = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MILLIS);
        List<Map<String, Object>> outbox = List.of(
                action("CALL", a, t0), action("COMPLETE", a, t0.plusSeconds(60)),
                action("CALL", b, t0.plusSeconds(120)), action("NO_SHOW", b, t0.plusSeconds(180)),
                action("CALL", paper, t0.plusSeconds(240)), action("CALL", c.toLowerCase(), t0.plusSeconds(300)));

        JsonPath first = send(outbox).then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("results.result")).containsOnly("applied").hasSize(6);
        assertThat(first.getList("results.actionId")).isEqualTo(outbox.stream().map(m -> m.get("actionId")).toList());
        assertThat(first.getList("results.number")).containsExactly(a, a, b, b, paper, c);

        assertThat(token(a)).isEqualTo("COMPLETED");
        assertThat(token(b)).isEqualTo("NO_SHOW");
        assertThat(token(c)).isEqualTo("CALLED at " + counter);
        assertThat(calledAt(c)).isCloseTo(t0.plusSeconds(300), within(5));
        assertThat(journalOf(a)).containsExactly("ISSUED null", "CALLED " + t0, "COMPLETED " + t0.plusSeconds(60));
        assertThat(journalOf(b)).containsExactly("ISSUED null", "CALLED " + t0.plusSeconds(120), "NO_SHOW " + t0.plusSeconds(180));
        assertThat(journalOf(paper)).as("a paper slip not entered yet: the call is journaled by number")
                .containsExactly("CALLED " + t0.plusSeconds(240));
        List<String> journal = journalSize();

        JsonPath again = send(outbox).then().statusCode(200).extract().jsonPath();
        assertThat(again.getList("results.result")).containsOnly("duplicate").hasSize(6);
        assertThat(journalSize()).as("replaying the same outbox changes nothing").isEqualTo(journal);
        assertThat(token(a)).isEqualTo("COMPLETED");
        assertThat(token(c)).isEqualTo("CALLED at " + counter);
    }

    @Test
    void refusalsSayWhyAndStayRefused() {
        String waiting = Api.issue(service).getString("number");
        String done = Api.issue(service).getString("number");
        String other = hospital.service();
        String elsewhere = Api.issue(other).getString("number");
        long doneId = idOf(done);
        Api.post("/api/counters/" + counter + "/call", Map.of("tokenId", doneId)).then().statusCode(200);
        Api.act(doneId, "complete").then().statusCode(200);
        Instant now = Instant.now();
        Map<String, Object> reused = action("CALL", waiting, now);
        List<Map<String, Object>> outbox = List.of(
                action("COMPLETE", waiting, now), action("NO_SHOW", waiting, now),
                action("CALL", done, now), action("COMPLETE", service + "-999", now),
                action("CALL", elsewhere, now), action("CALL", waiting, now.minus(Duration.ofDays(2))), reused);

        JsonPath answer = send(outbox).then().statusCode(200).extract().jsonPath();
        assertThat(answer.getList("results.result")).containsExactly("refused", "refused", "refused", "refused", "refused",
                "refused", "applied");
        List<String> reasons = answer.getList("results.reason");
        assertThat(reasons.get(0)).contains(waiting + " is WAITING").contains("can be completed");
        assertThat(reasons.get(1)).contains(waiting + " is WAITING").contains("can be marked no-show");
        assertThat(reasons.get(2)).contains(done + " is COMPLETED").contains("cannot be called");
        assertThat(reasons.get(3)).isEqualTo("Today's token " + service + "-999 does not exist");
        assertThat(reasons.get(4)).contains("does not serve the queue of " + elsewhere);
        assertThat(reasons.get(5)).contains("not today");
        assertThat(token(waiting)).isEqualTo("CALLED at " + counter);
        assertThat(token(elsewhere)).isEqualTo("WAITING");

        // refused stays refused with the same reason, even once the action would now be possible
        JsonPath again = send(outbox).then().statusCode(200).extract().jsonPath();
        assertThat(again.getList("results.result")).containsExactly("refused", "refused", "refused", "refused", "refused",
                "refused", "duplicate");
        assertThat(again.getList("results.reason").subList(0, 6)).isEqualTo(reasons.subList(0, 6));
        assertThat(token(waiting)).isEqualTo("CALLED at " + counter);

        Map<String, Object> changed = new LinkedHashMap<>(reused);
        changed.put("kind", "COMPLETE");
        send(List.of(changed)).then().statusCode(200).body("results[0].result", equalTo("refused"))
                .body("results[0].reason", equalTo("actionId was already used for a different action"));
        assertThat(token(waiting)).isEqualTo("CALLED at " + counter);
    }

    @Test
    void aConsoleClockThatIsOffIsCorrectedButKeptInTheJournal() {
        String number = Api.issue(service).getString("number");
        Instant now = Instant.now();
        Instant consoleNow = now.minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MILLIS); // three hours slow
        Instant calledOnConsole = consoleNow.minus(Duration.ofMinutes(5));
        Map<String, Object> body = Map.of("sentAt", consoleNow.toString(), "actions", List.of(action("CALL", number, calledOnConsole)));
        Api.staff().contentType(ContentType.JSON).body(body).post(path()).then().statusCode(200)
                .body("results[0].result", equalTo("applied"));
        assertThat(calledAt(number)).isCloseTo(now.minus(Duration.ofMinutes(5)), within(5));
        assertThat(journalOf(number)).containsExactly("ISSUED null", "CALLED " + calledOnConsole);

        // a console far ahead: never later than the moment the outbox arrived
        String next = Api.issue(service).getString("number");
        Instant ahead = Instant.now().plus(Duration.ofDays(400));
        send(List.of(action("CALL", next, ahead))).then().statusCode(200).body("results[0].result", equalTo("applied"));
        assertThat(calledAt(next)).isBeforeOrEqualTo(Instant.now()).isCloseTo(Instant.now(), within(5));
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        Instant now = Instant.now();
        Map<String, Object> good = action("CALL", service + "-001", now);
        badInput(Map.of(), "actions");
        badInput(Map.of("actions", List.of(with(good, "kind", "JUMP"))), "actions[0].kind");
        badInput(Map.of("actions", List.of(good, with(good, "number", "hello there"))), "actions[1].number");
        badInput(Map.of("actions", List.of(with(good, "actionId", "not-a-uuid"))), "actions[0].actionId");
        badInput(Map.of("actions", List.of(with(good, "at", "yesterday"))), "actions[0].at");
        badInput(Map.of("actions", List.of(with(good, "at", null))), "actions[0].at");
        badInput(Map.of("actions", List.of(with(good, "at", "0001-01-01T00:00:00Z"))), "actions[0].at");
        badInput(Map.of("sentAt", "soon", "actions", List.of(good)), "sentAt");
        Api.staff().contentType(ContentType.JSON).body("{\"actions\": [").post(path()).then().statusCode(400)
                .contentType("application/problem+json");
        Api.staff().contentType(ContentType.JSON).body(Map.of("actions", List.of(good)))
                .post("/api/counters/999999999/offline-actions").then().statusCode(404)
                .contentType("application/problem+json");
        assertThat(token(service + "-001")).isEqualTo("none");
    }

    @Test
    void onlyCounterStaffRegistrarsAndAdminsMayReplay() {
        Map<String, Object> body = Map.of("sentAt", Instant.now().toString(),
                "actions", List.of(action("CALL", service + "-P0001", Instant.now())));
        given().contentType(ContentType.JSON).body(body).post(path()).then().statusCode(401)
                .contentType("application/problem+json");
        Api.as("counter1", "wrong").contentType(ContentType.JSON).body(body).post(path()).then().statusCode(401);
        given().header("Authorization", "Device KIOSK1.demo-kiosk-1").contentType(ContentType.JSON).body(body)
                .post(path()).then().statusCode(401);
        for (String[] who : new String[][] { { "counter2", "counter123" }, { "registrar", "registrar123" }, { "admin", "admin123" } }) {
            Map<String, Object> own = Map.of("actions", List.of(action("CALL", service + "-P0001", Instant.now())));
            Api.as(who[0], who[1]).contentType(ContentType.JSON).body(own).post(path()).then().statusCode(200)
                    .body("results[0].result", equalTo("applied"));
        }
    }

    @Test
    void theSameOutboxSentTwiceAtOnceIsAppliedOnce() throws Exception {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            numbers.add(Api.issue(service).getString("number"));
        }
        Instant t = Instant.now().minusSeconds(60);
        List<Map<String, Object>> outbox = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            outbox.add(action("CALL", numbers.get(i), t.plusSeconds(2L * i)));
            outbox.add(action("COMPLETE", numbers.get(i), t.plusSeconds(2L * i + 1)));
        }
        List<Response> answers = Parallel.all(4, i -> send(outbox));
        assertThat(answers).extracting(Response::statusCode).containsOnly(200);
        List<String> results = answers.stream().flatMap(r -> r.jsonPath().<String>getList("results.result").stream()).toList();
        assertThat(results).filteredOn("applied"::equals).hasSize(10);
        assertThat(results).filteredOn("duplicate"::equals).hasSize(30);
        numbers.forEach(n -> assertThat(token(n)).isEqualTo("COMPLETED"));
        numbers.forEach(n -> assertThat(journalOf(n)).hasSize(3));
    }

    private void badInput(Map<String, Object> body, String field) {
        Api.staff().contentType(ContentType.JSON).body(body).post(path()).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-input"))
                .body("errors.field", hasItem(field));
    }

    private static Map<String, Object> with(Map<String, Object> action, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(action);
        copy.put(key, value);
        return copy;
    }

    private static Map<String, Object> action(String kind, String number, Instant at) {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("actionId", UUID.randomUUID().toString());
        action.put("kind", kind);
        action.put("number", number);
        action.put("at", at.toString());
        return action;
    }

    private Response send(List<Map<String, Object>> actions) {
        return staff().body(Map.of("sentAt", Instant.now().toString(), "actions", actions)).post(path());
    }

    private static RequestSpecification staff() {
        return Api.staff().contentType(ContentType.JSON);
    }

    private String path() {
        return "/api/counters/" + counter + "/offline-actions";
    }

    private static TemporalUnitOffset within(long seconds) {
        return org.assertj.core.api.Assertions.within(seconds, ChronoUnit.SECONDS);
    }

    @Transactional
    String token(String number) {
        return Token.<Token>find("displayNumber = ?1 order by id desc", number).firstResultOptional()
                .map(t -> t.status + (TokenStatus.AT_COUNTER.contains(t.status) ? " at " + t.counterId : "")).orElse("none");
    }

    @Transactional
    long idOf(String number) {
        return Token.<Token>find("displayNumber = ?1 order by id desc", number).firstResult().id;
    }

    @Transactional
    Instant calledAt(String number) {
        return Token.<Token>find("displayNumber = ?1 order by id desc", number).firstResult().calledAt;
    }

    /** The entries about a number: type and the console's time (null for what happened online). */
    @Transactional
    List<String> journalOf(String number) {
        return JournalEntry.<JournalEntry>list("displayNumber = ?1 order by seq", number).stream()
                .map(e -> e.type + " " + e.deviceTime).toList();
    }

    @Transactional
    List<String> journalSize() {
        return JournalEntry.<JournalEntry>list("counterId = ?1 order by seq", counter).stream()
                .map(e -> e.seq + " " + e.type).toList();
    }
}
