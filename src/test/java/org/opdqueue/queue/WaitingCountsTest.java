package org.opdqueue.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.support.Api;
import org.opdqueue.support.Parallel;
import org.opdqueue.support.TestHospital;
import org.opdqueue.token.Channel;

/**
 * The waiting counts the journal keeps (journal/WaitingCounts) stay equal to the waiting tokens through every change a
 * token goes through; issuing reads a new token's people ahead from them.
 */
@QuarkusTest
class WaitingCountsTest {

    @Inject
    TestHospital hospital;

    @Inject
    EntityManager em;

    @Inject
    Facility facility;

    @Inject
    HospitalClock clock;

    String consultation;
    String lab;
    String senior;
    long counter;

    @BeforeEach
    void setUp() {
        consultation = hospital.service(2);
        lab = hospital.service();
        senior = hospital.category(true);
        counter = hospital.openCounter(consultation);
    }

    @Test
    void theKeptCountsFollowEveryChangeOfAWaitingToken() throws Exception {
        List<Response> issued = Parallel.all(12, i -> Api.staff().contentType("application/json")
                .body(Api.issueBody(consultation, i % 4 == 0 ? senior : "GENERAL")).post("/api/tokens"));
        issued.forEach(r -> r.then().statusCode(201));
        countsAgree(12);

        long first = Api.callNextAndGet(counter).getLong("id");
        countsAgree(11);
        Api.act(first, "no-show").then().statusCode(200);
        countsAgree(11);
        Api.act(first, "requeue", Map.of("requeueAfter", 2)).then().statusCode(200);
        countsAgree(12);

        long second = Api.callNextAndGet(counter).getLong("id");
        countsAgree(11);
        Api.act(second, "transfer", Map.of("serviceCode", lab)).then().statusCode(200);
        countsAgree(11);
        assertThat(kept(lab).stream().mapToLong(Long::longValue).sum()).isEqualTo(1);

        long waiting = Api.id(Api.issue(consultation));
        countsAgree(12);
        Api.act(waiting, "transfer", Map.of("serviceCode", lab)).then().statusCode(200);
        Api.act(Api.id(Api.issue(consultation)), "cancel").then().statusCode(200);
        countsAgree(11);
        assertThat(kept(lab).stream().mapToLong(Long::longValue).sum()).isEqualTo(2);

        long third = Api.callNextAndGet(counter).getLong("id");
        Api.act(third, "no-show").then().statusCode(200);
        Api.act(third, "undo").then().statusCode(200).body("status", equalTo("CALLED"));
        Api.act(third, "complete").then().statusCode(200);
        countsAgree(10);
        hospital.mergedToken(consultation, Channel.OFFLINE_KIOSK, clock.now().minusSeconds(60), clock.now());
        countsAgree(11);
    }

    @Test
    void aNewTokensPeopleAheadAreTheKeptCountOfThoseQueuedBeforeIt() {
        hospital.longQueue(lab, 40);
        assertThat(Api.issue(lab).getLong("peopleAhead")).isEqualTo(40);
        assertThat(Api.issue(lab).getLong("peopleAhead")).isEqualTo(41);
        // a token placed later than now (an appointment checked in before its slot) is not ahead of a newcomer
        hospital.mergedToken(lab, Channel.OFFLINE_KIOSK, clock.now().plusSeconds(600), clock.now());
        assertThat(Api.issue(lab).getLong("peopleAhead")).isEqualTo(42);
        assertThat(kept(lab)).containsExactly(0L, 44L);
        assertThat(actual(lab)).containsExactly(0L, 44L);
    }

    /** Kept and counted agree, lane by lane, in both queues, and {@code waiting} wait for a consultation. */
    private void countsAgree(long waiting) {
        List<Long> actual = actual(consultation);
        assertThat(actual.get(0) + actual.get(1)).as("waiting for " + consultation).isEqualTo(waiting);
        assertThat(kept(consultation)).as("kept counts of " + consultation).isEqualTo(actual);
        assertThat(kept(lab)).as("kept counts of " + lab).isEqualTo(actual(lab));
    }

    private List<Long> kept(String service) {
        return counts("""
                SELECT COALESCE(SUM(priority_waiting), 0), COALESCE(SUM(general_waiting), 0) FROM waiting_count
                WHERE facility = ?1 AND service_id = ?2 AND business_day = ?3""", service);
    }

    private List<Long> actual(String service) {
        return counts("""
                SELECT COALESCE(SUM(is_priority), 0), COALESCE(SUM(NOT is_priority), 0) FROM token
                WHERE facility = ?1 AND service_id = ?2 AND business_day = ?3 AND status = 'WAITING'""", service);
    }

    private List<Long> counts(String sql, String service) {
        return QuarkusTransaction.requiringNew().call(() -> {
            long id = ServicePoint.findByCode(facility.code(), service).orElseThrow().id;
            Object[] row = (Object[]) em.createNativeQuery(sql).setParameter(1, facility.code()).setParameter(2, id)
                    .setParameter(3, clock.businessDay()).getSingleResult();
            return List.of(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        });
    }
}
