package org.opdqueue.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.display.DisplayFeed;
import org.opdqueue.journal.Journal;
import org.opdqueue.nodes.FanOut;
import org.opdqueue.queue.Calling;
import org.opdqueue.status.Mode;
import org.opdqueue.status.SystemMode;
import org.opdqueue.support.Api;
import org.opdqueue.support.MutableClock;
import org.opdqueue.support.TestHospital;

/**
 * Two app nodes on one database, as two instances of the outage beans (what each node holds in memory: its relayed
 * calls and the outage it saw), fed the mode changes each node's probe would see and the calls Redis would carry
 * between them. Two processes would take a minute to start; what is shared between nodes is the database, which is
 * real here.
 */
@QuarkusTest
class OutageAcrossNodesTest {

    @Inject
    TestHospital hospital;

    @Inject
    MutableClock clock;

    @Inject
    Facility facility;

    @Inject
    Journal journal;

    @Inject
    Calling calling;

    @Inject
    SystemMode mode;

    @Inject
    EntityManager em;

    @Inject
    DisplayFeed feed;

    @Inject
    FanOut fanOut;

    @Inject
    HospitalClock hospitalClock;

    String service;
    long counter;
    Node a;
    Node b;

    /** What one node holds: its relayed calls and its recovery. */
    record Node(CallRelay relay, OutageRecovery recovery) {

        /** What Redis carries to the other nodes when this one relays a call. */
        FanOut.RelayedCall relay(long counterId, String number) {
            CallRelay.RelayedCall c = relay.relay(counterId, number, "counter1");
            return new FanOut.RelayedCall(c.id(), c.counterId(), c.number(), c.at(), c.actor());
        }
    }

    @BeforeEach
    void twoNodes() {
        // years back, at a random day: no other outage is recorded near it
        clock.advance(Duration.ofDays(-3000 - ThreadLocalRandom.current().nextInt(3000)));
        service = hospital.service();
        counter = hospital.openCounter(service);
        a = node("node-a");
        b = node("node-b");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Node node(String name) {
        CallRelay relay = new CallRelay(feed, fanOut, hospitalClock);
        return new Node(relay, new OutageRecovery(facility, journal, calling, relay, mode, em, name));
    }

    @Test
    void aCallRelayedOnANodeThatDiesBeforeTheDatabaseIsBackIsJournaledByTheNodeThatHeardOfIt() {
        String number = Api.issue(service).getString("number");
        Instant down = now();
        a.recovery().modeChanged(degraded(down));
        b.recovery().modeChanged(degraded(down.plusMillis(400)));
        clock.advance(Duration.ofSeconds(20));
        FanOut.RelayedCall call = a.relay(counter, number);
        b.recovery().heardFromAnotherNode(call);
        assertThat(b.relay().allWritten()).as("node B keeps it until the database is back").isFalse();

        // node A dies here, with the call in its memory only; node B finds the database back
        clock.advance(Duration.ofSeconds(10));
        b.recovery().modeChanged(normal(now()));

        assertThat(calledEntries(number)).as("journaled once, by node B").isEqualTo(1);
        assertThat(text("SELECT written_by FROM relayed_call WHERE call_id = '" + call.id() + "'")).isEqualTo("node-b");
        assertThat(text("SELECT status FROM token WHERE display_number = '" + number + "' ORDER BY id DESC LIMIT 1"))
                .isEqualTo("CALLED");
        assertThat(b.relay().allWritten()).isTrue();
        JsonPath outage = outageAround(down);
        assertThat(outage.getList("nodes")).containsExactly("node-b");
        assertThat(outage.getInt("relayedCalls")).isEqualTo(1);
    }

    @Test
    void oneOutageSeenByTwoNodesIsOneRecordWithBothNodesAndEachCallJournaledOnce() throws Exception {
        String first = Api.issue(service).getString("number");
        String second = hospital.service();
        long otherCounter = hospital.openCounter(second);
        String other = Api.issue(second).getString("number");
        Instant down = now();
        a.recovery().modeChanged(degraded(down.plusMillis(700)));
        b.recovery().modeChanged(degraded(down));
        clock.advance(Duration.ofSeconds(30));
        FanOut.RelayedCall onA = a.relay(counter, first);
        b.recovery().heardFromAnotherNode(onA);
        clock.advance(Duration.ofSeconds(1));
        FanOut.RelayedCall onB = b.relay(otherCounter, other);
        a.recovery().modeChanged(degraded(down.plusSeconds(10))); // a second DEGRADED changes nothing
        a.recovery().heardFromAnotherNode(onB);

        // both find the database back at about the same moment: they take turns, one record
        clock.advance(Duration.ofSeconds(30));
        Instant back = now();
        CompletableFuture<Void> onNodeA = CompletableFuture.runAsync(() -> a.recovery().modeChanged(normal(back)));
        CompletableFuture<Void> onNodeB = CompletableFuture
                .runAsync(() -> b.recovery().modeChanged(normal(back.plusMillis(900))));
        CompletableFuture.allOf(onNodeA, onNodeB).get();

        assertThat(calledEntries(first)).isEqualTo(1);
        assertThat(calledEntries(other)).isEqualTo(1);
        assertThat(a.relay().allWritten() && b.relay().allWritten()).isTrue();
        JsonPath json = Api.as("admin", "admin123").get("/api/outages").then().statusCode(200).extract().jsonPath();
        List<String> starts = json.getList("findAll { it.kind == 'DATABASE' }.startedAt", String.class);
        Instant to = back.plusMillis(900);
        assertThat(starts.stream().map(Instant::parse).filter(s -> !s.isBefore(down.minusSeconds(60)) && s.isBefore(to)))
                .as("one record for the hospital").hasSize(1);
        JsonPath outage = outageAround(down);
        assertThat(Instant.parse(outage.getString("startedAt"))).as("the earliest start").isEqualTo(down);
        assertThat(Instant.parse(outage.getString("endedAt"))).as("the latest end").isEqualTo(to);
        assertThat(outage.getList("nodes", String.class)).containsExactlyInAnyOrder("node-a", "node-b");
        assertThat(outage.getInt("relayedCalls")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM journal_entry WHERE type = 'MODE_CHANGED' AND (detail LIKE '%DEGRADED since "
                + down + "' OR detail LIKE '%DEGRADED since " + down.plusMillis(700) + "')")).as("the outage journaled once")
                .isEqualTo(1);
    }

    @Test
    void aCallRelayedByANodeThatAloneLostTheDatabaseIsJournaledAtOnceByANodeThatReachesIt() {
        String number = Api.issue(service).getString("number");
        a.recovery().modeChanged(degraded(now()));
        FanOut.RelayedCall call = a.relay(counter, number);

        b.recovery().heardFromAnotherNode(call); // node B is NORMAL: it reaches the database

        await().atMost(Duration.ofSeconds(10)).until(() -> calledEntries(number) == 1);
        assertThat(b.relay().allWritten()).isTrue();
        a.recovery().modeChanged(normal(now().plusSeconds(5)));
        assertThat(calledEntries(number)).as("node A finds it written: not twice").isEqualTo(1);
        assertThat(a.relay().allWritten()).isTrue();
    }

    @Test
    void twoOutagesOneNodeSawSecondsApartAreTwoRecords() {
        Instant first = now();
        a.recovery().modeChanged(degraded(first));
        clock.advance(Duration.ofSeconds(4));
        Instant firstBack = now();
        a.recovery().modeChanged(normal(firstBack));
        clock.advance(Duration.ofSeconds(3)); // the database lost again, within the 5 s that joins two nodes' views
        Instant second = now();
        a.recovery().modeChanged(degraded(second));
        clock.advance(Duration.ofSeconds(2));
        a.recovery().modeChanged(normal(now()));

        JsonPath earlier = outageAround(first);
        assertThat(Instant.parse(earlier.getString("startedAt"))).isEqualTo(first);
        assertThat(Instant.parse(earlier.getString("endedAt"))).as("not widened by the later outage").isEqualTo(firstBack);
        assertThat(Instant.parse(outageAround(second).getString("startedAt"))).as("a record of its own").isEqualTo(second);
    }

    /** As the database keeps it: to the microsecond. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static SystemMode.State degraded(Instant since) {
        return new SystemMode.State(Mode.DEGRADED, since, false, "Connection refused");
    }

    private static SystemMode.State normal(Instant since) {
        return new SystemMode.State(Mode.NORMAL, since, true, null);
    }

    private JsonPath outageAround(Instant down) {
        JsonPath json = Api.as("admin", "admin123").get("/api/outages").then().statusCode(200).extract().jsonPath();
        List<String> starts = json.getList("startedAt", String.class);
        for (int i = 0; i < starts.size(); i++) {
            Instant start = Instant.parse(starts.get(i));
            if (!start.isBefore(down) && start.isBefore(down.plusSeconds(5))) {
                return new JsonPath(json.prettify()).setRootPath("[" + i + "]");
            }
        }
        throw new AssertionError("no outage recorded near " + down + ": " + starts);
    }

    private long calledEntries(String number) {
        return count("SELECT COUNT(*) FROM journal_entry WHERE type = 'CALLED' AND display_number = '" + number + "'");
    }

    private long count(String sql) {
        return ((Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql).getSingleResult()))
                .longValue();
    }

    private String text(String sql) {
        return String.valueOf(QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql).getSingleResult()));
    }
}
