package org.opdqueue.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import org.opdqueue.common.Facility;
import org.opdqueue.common.HospitalClock;
import org.opdqueue.counter.Counter;
import org.opdqueue.counter.CounterState;
import org.opdqueue.device.Device;
import org.opdqueue.offline.OfflineNumbers;
import org.opdqueue.paper.PaperBooks;
import org.opdqueue.servicepoint.ServicePoint;
import org.opdqueue.support.EmptyDatabaseResource;
import org.opdqueue.support.TestHospital;
import org.opdqueue.token.Channel;
import org.opdqueue.token.IssueTokenRequest;
import org.opdqueue.token.PatientDetails;
import org.opdqueue.token.Sex;
import org.opdqueue.token.Token;
import org.opdqueue.token.TokenIssuing;
import org.opdqueue.token.TokenStatus;

/**
 * A rebuilt day written into a new, empty database that has had its set-up imported (and so ids of its own): the
 * tokens come back under their ids, and no number given before the loss is given again, online, offline or on paper.
 */
@QuarkusTest
@TestProfile(DayRestoreTest.NewServer.class)
class DayRestoreTest {

    public static class NewServer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("opd.facility.code", "DH-RESTORED", "opd.bootstrap.admin-password", "restore-drill");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(EmptyDatabaseResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    private static final String REQUEST = "0b6f3a52-8f5e-4a8e-b0a4-6f0b8f1e2a11";

    @Inject
    TestHospital hospital;
    @Inject
    Facility facility;
    @Inject
    HospitalClock clock;
    @Inject
    DayRestore restore;
    @Inject
    TokenIssuing issuing;
    @Inject
    OfflineNumbers offlineNumbers;
    @Inject
    PaperBooks paperBooks;

    @Test
    void aRestoredDayKeepsItsTokensAndNoNumberIsGivenAgain() {
        // the set-up, as the set-up file would import it: the journal names these by code only
        String med = hospital.service();
        String lab = hospital.service();
        long room = hospital.counter(CounterState.CLOSED, med, lab);
        String roomCode = QuarkusTransaction.requiringNew().call(() -> Counter.<Counter>findById(room).code);
        String kioskCode = hospital.kiosk();
        QuarkusTransaction.requiringNew().run(() -> Device.findByCode(facility.code(), kioskCode).orElseThrow()
                .numberSeries = "Q");
        LocalDate today = clock.businessDay();
        Instant t0 = clock.now().minusSeconds(3600);
        String patient = "{\"name\":\"सीता देवी\",\"age\":64,\"sex\":\"FEMALE\",\"mobile\":\"9876543210\","
                + "\"notifyConsent\":true,\"language\":\"hi\"}";

        RebuiltDay day = new RebuiltDay(List.of(
                token(501, med, "", 4, med, Channel.KIOSK, TokenStatus.COMPLETED, roomCode, t0, REQUEST, patient, null),
                token(502, med, "", 5, lab, Channel.COUNTER, TokenStatus.WAITING, null, t0.plusSeconds(60),
                        UUID.randomUUID().toString(), null, null),
                token(503, med, "Q", 12, med, Channel.OFFLINE_KIOSK, TokenStatus.CALLED, roomCode, t0.plusSeconds(90),
                        UUID.randomUUID().toString(), null, kioskCode),
                token(504, med, "P", 37, med, Channel.PAPER, TokenStatus.WAITING, null, t0.plusSeconds(120), null, null,
                        "BOOK-3")),
                List.of(new RebuiltDay.HighestNumber(med, "", today, 5), new RebuiltDay.HighestNumber(med, "Q", today, 12),
                        new RebuiltDay.HighestNumber(med, "P", today, 37)),
                Map.of(roomCode, CounterState.OPEN), 99, List.of());

        DayRestore.Restored restored = restore.restore(day);

        assertThat(restored.tokens()).isEqualTo(4);
        assertThat(restored.requestIds()).isEqualTo(3);
        assertThat(restored.counters()).isEqualTo(1);
        QuarkusTransaction.requiringNew().run(() -> {
            Token first = Token.findById(501L);
            assertThat(first.displayNumber).isEqualTo(med + "-004");
            assertThat(first.status).isEqualTo(TokenStatus.COMPLETED);
            assertThat(first.counterId).isEqualTo(room);
            assertThat(first.serviceId).isEqualTo(ServicePoint.findByCode(facility.code(), med).orElseThrow().id);
            assertThat(first.patient()).isEqualTo(new PatientDetails("सीता देवी", 64, Sex.FEMALE, "9876543210", null, null,
                    true, "hi"));
            assertThat(first.notifyConsent).as("the SMS consent, restored with the day (issue 17)").isTrue();
            assertThat(first.estimatedWaitAtIssue).as("the wait told at issue, for the accuracy report").isEqualTo(18);
            Token moved = Token.findById(502L);
            assertThat(moved.serviceId).isEqualTo(ServicePoint.findByCode(facility.code(), lab).orElseThrow().id);
            assertThat(moved.numberServiceId).isEqualTo(first.serviceId);
            assertThat(Token.<Token>findById(503L).reservationUnknown).isFalse();
            assertThat(Counter.<Counter>findById(room).state).isEqualTo(CounterState.OPEN);
        });

        // a kiosk retrying a request answered before the loss gets its token, not a second one
        TokenIssuing.Issued retried = issuing.issue(new IssueTokenRequest(UUID.fromString(REQUEST), med, "GENERAL",
                Channel.KIOSK, new PatientDetails("सीता देवी", 64, Sex.FEMALE, "9876543210", null, null), null, null, null),
                null);
        assertThat(retried.created()).isFalse();
        assertThat(retried.token().id).isEqualTo(501L);

        // the next numbers come after every one given before: online, the kiosk's offline series, paper books
        Token next = issuing.issue(new IssueTokenRequest(UUID.randomUUID(), med, null, Channel.COUNTER, null, null, null,
                null), "registrar").token();
        assertThat(next.number).isEqualTo(6);
        assertThat(next.id).isGreaterThan(504L);
        Device kiosk = QuarkusTransaction.requiringNew().call(() -> Device.findByCode(facility.code(), kioskCode).orElseThrow());
        assertThat(offlineNumbers.reserve(kiosk, med, 10).from()).isEqualTo(13);
        assertThat(paperBooks.reserve(med, 10, "admin").firstNumber()).isEqualTo(38);

        // only into a database without tokens, and never half: a service the set-up lacks writes nothing
        assertThatThrownBy(() -> restore.restore(day)).hasMessageContaining("already holds");
    }

    @Test
    void aJournalNamingAServiceTheSetUpLacksWritesNothing() {
        QuarkusTransaction.requiringNew().run(() -> Token.delete("facility", facility.code()));
        long before = QuarkusTransaction.requiringNew().call(() -> Token.count());
        String med = hospital.service();
        RebuiltDay day = new RebuiltDay(List.of(
                token(601, med, "", 1, med, Channel.KIOSK, TokenStatus.WAITING, null, clock.now(), null, null, null),
                token(602, "GONE", "", 1, "GONE", Channel.KIOSK, TokenStatus.WAITING, null, clock.now(), null, null,
                        null)), List.of(), Map.of(), 2, List.of());

        assertThatThrownBy(() -> restore.restore(day)).hasMessageContaining("service GONE");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Token.count())).isEqualTo(before);
    }

    private RebuiltDay.RebuiltToken token(long id, String numberService, String series, int number, String service,
            Channel channel, TokenStatus status, String counter, Instant issuedAt, String requestId, String patient,
            String device) {
        boolean atCounter = counter != null;
        return new RebuiltDay.RebuiltToken(id, Token.newPublicCode(), clock.businessDayOf(issuedAt), numberService,
                series, number, numberService + "-" + series + String.format("%03d", number), service, "GENERAL", false,
                channel, status, issuedAt, issuedAt, atCounter ? issuedAt.plusSeconds(30) : null,
                status == TokenStatus.COMPLETED ? issuedAt.plusSeconds(40) : null,
                status == TokenStatus.COMPLETED ? issuedAt.plusSeconds(50) : null, counter, atCounter ? 1 : 0, patient,
                requestId, channel.offline(), device, channel.offline() ? issuedAt : null, issuedAt, false,
                channel == Channel.OFFLINE_KIOSK ? numberService + "-" + series + String.format("%03d", number) : null,
                channel == Channel.PAPER ? 3L : null, channel.offline() ? null : 18);
    }
}
