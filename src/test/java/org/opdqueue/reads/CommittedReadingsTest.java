package org.opdqueue.reads;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.opdqueue.common.Facility;
import org.opdqueue.display.DisplaySnapshots;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.support.Api;
import org.opdqueue.support.TestHospital;

/** The polled reads are kept in memory, and still show every change the moment the change has answered. */
@QuarkusTest
class CommittedReadingsTest {

    @Inject
    TestHospital hospital;

    @Inject
    DisplaySnapshots snapshots;

    @Inject
    Facility facility;

    @Test
    void everyIssuedTokenIsCountedByTheVeryNextServicesRead() {
        String service = hospital.service();
        for (int i = 1; i <= 5; i++) {
            waitingIn(service); // a reading is kept ...
            Api.issue(service);
            assertThat(waitingIn(service)).isEqualTo(i); // ... and not used after the issue answered
        }
    }

    @Test
    void aCallShowsAtOnceInTheCountersTheBoardSnapshotAndTheQueue() {
        String service = hospital.service();
        long counter = hospital.openCounter(service);
        long board = hospital.board(List.of(service), List.of(counter));
        String number = Api.issue(service).getString("number");
        assertThat(heldBy(counter)).isNull();
        given().get("/api/display/" + board).then().statusCode(200).body("counters[0].number", equalTo(null));
        given().get("/api/queues/" + service).then().statusCode(200).body("waitingCount", equalTo(1));

        Api.callNext(counter).then().statusCode(200);

        assertThat(heldBy(counter)).isEqualTo(number);
        given().get("/api/display/" + board).then().statusCode(200).body("counters[0].number", equalTo(number));
        given().get("/api/queues/" + service).then().statusCode(200).body("waitingCount", equalTo(0))
                .body("atCounters[0].number", equalTo(number));
        assertThat(waitingIn(service)).isZero();
    }

    @Test
    void aServiceRenamedInTheAdminFormsShowsAtOnce() {
        String service = hospital.service();
        waitingIn(service);
        rename(service, "Renamed at once");
        snapshots.forgetNames(); // what the admin service and counter forms call after saving
        given().get("/api/services").then().statusCode(200)
                .body("find { it.code == '" + service + "' }.name.en", equalTo("Renamed at once"));
    }

    @Test
    void aChangeTheServerWasNotToldOfShowsWithinASecond() throws InterruptedException {
        String service = hospital.service();
        waitingIn(service);
        rename(service, "Renamed behind its back");
        long since = System.nanoTime();
        while (!"Renamed behind its back".equals(nameOf(service))) {
            assertThat(System.nanoTime() - since).as("nanoseconds stale").isLessThan(1_500_000_000L);
            Thread.sleep(50);
        }
    }

    @Test
    void aLongQueueIsAnsweredAPageAtATimeInCallOrderWithTheWholeCount() {
        String service = hospital.service();
        hospital.longQueue(service, 3000);

        var first = given().get("/api/queues/" + service).then().statusCode(200).extract();
        assertThat(first.asByteArray().length).as("bytes of the default page").isLessThan(20 * 1024);
        JsonPath page = first.jsonPath();
        assertThat(page.getInt("waitingCount")).isEqualTo(3000);
        assertThat(page.getList("waiting.position", Integer.class))
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 100).boxed().toList());
        List<String> issued = page.getList("waiting.issuedAt", String.class);
        assertThat(issued).isSortedAccordingTo(java.util.Comparator.comparing(java.time.Instant::parse));

        JsonPath next = given().get("/api/queues/" + service + "?offset=100&limit=50").then().statusCode(200)
                .extract().jsonPath();
        assertThat(next.getInt("waitingCount")).isEqualTo(3000);
        assertThat(next.getList("waiting.position", Integer.class))
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(101, 150).boxed().toList());
        assertThat(java.time.Instant.parse(next.getString("waiting[0].issuedAt")))
                .isAfter(java.time.Instant.parse(issued.get(99)));

        given().get("/api/queues/" + service + "?offset=3000").then().statusCode(200)
                .body("waiting.size()", equalTo(0)).body("waitingCount", equalTo(3000));
        given().get("/api/queues/" + service + "?offset=-1").then().statusCode(400);
    }

    private static int waitingIn(String service) {
        return given().get("/api/services").then().statusCode(200).extract().jsonPath()
                .getInt("find { it.code == '" + service + "' }.waiting");
    }

    private static String nameOf(String service) {
        return given().get("/api/services").then().statusCode(200).extract().jsonPath()
                .getString("find { it.code == '" + service + "' }.name.en");
    }

    private static String heldBy(long counter) {
        return given().get("/api/counters").then().statusCode(200).extract().jsonPath()
                .getString("find { it.id == " + counter + " }.currentToken.number");
    }

    private void rename(String service, String name) {
        QuarkusTransaction.requiringNew().run(
                () -> ServicePoint.findByCode(facility.code(), service).orElseThrow().nameEn = name);
    }
}
