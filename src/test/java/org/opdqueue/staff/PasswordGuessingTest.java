package org.opdqueue.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.opdqueue.common.OpdConfig;
import org.opdqueue.journal.JournalEntry;
import org.opdqueue.journal.JournalEventType;
import org.opdqueue.support.Api;
import org.opdqueue.support.MutableClock;
import org.opdqueue.support.StaffAccounts;
import org.opdqueue.support.StaffSession;

/**
 * Issue 12, item 6: 200 wrong passwords, then the right one worked; and an unknown user name was answered in 5 ms
 * against 98 ms for a known one, which told an attacker which names exist.
 */
@QuarkusTest
class PasswordGuessingTest {

    private static final String API = "/api/offline-refusals?service=MED";

    @Inject
    StaffAccounts accounts;

    @Inject
    LogInThrottle throttle;

    @Inject
    MutableClock clock;

    @Inject
    OpdConfig config;

    @BeforeEach
    @AfterEach
    void liftTheLocks() {
        throttle.clear(); // every test here guesses from 127.0.0.1, as every other test logs in from it
        clock.reset();
    }

    @Test
    void afterTenWrongPasswordsEvenTheRightOneIsRefusedForFifteenMinutes() {
        String user = accounts.create(Role.COUNTER);
        for (int i = 0; i < 10; i++) {
            Api.as(user, "guess-" + i).get(API).then().statusCode(401);
        }

        Response locked = Api.as(user, StaffAccounts.PASSWORD).get(API);
        locked.then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("/problems/log-in-locked")).body("detail", containsString("Try again in 15 minutes"));
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(850L, 900L);
        Response form = StaffSession.logInAnswer(user, StaffAccounts.PASSWORD);
        form.then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body(containsString("data-testid=\"login-locked\""));
        assertThat(form.getCookie(StaffSession.CREDENTIAL_COOKIE)).isNull();

        assertThat(journal(JournalEventType.STAFF_LOG_IN_FAILED, user)).hasSize(10)
                .allSatisfy(detail -> assertThat(detail).startsWith("failed log-in as '" + user + "' from "));
        assertThat(journal(JournalEventType.STAFF_LOG_IN_LOCKED, user)).hasSize(1);

        clock.advance(Duration.ofMinutes(16));
        Api.as(user, StaffAccounts.PASSWORD).get(API).then().statusCode(200);
    }

    @Test
    void wrongGuessesFromOneComputerUnderManyNamesLockItForEveryUserName() {
        for (int i = 0; i < config.session().addressFailuresBeforeLock(); i++) {
            Api.as("nobody" + i, "guess").get(API).then().statusCode(401);
        }
        String neverGuessed = accounts.create(Role.COUNTER);
        Api.as(neverGuessed, StaffAccounts.PASSWORD).get(API).then().statusCode(429);
        StaffSession.logInAnswer(neverGuessed, StaffAccounts.PASSWORD).then().statusCode(429);
    }

    @Test
    void anUnknownUserNameIsAnsweredAsSlowlyAsAKnownOne() {
        String known = accounts.create(Role.COUNTER);
        Api.as(known, StaffAccounts.PASSWORD).get(API).then().statusCode(200); // warm up the paths once
        throttle.clear();
        List<Long> knownMillis = new ArrayList<>();
        List<Long> unknownMillis = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            knownMillis.add(Api.as(known, "wrong-" + i).get(API).then().statusCode(401).extract().time());
            unknownMillis.add(Api.as("unknown" + i, "wrong-" + i).get(API).then().statusCode(401).extract().time());
            if (i % 4 == 3) {
                throttle.clear();
            }
        }
        long knownMedian = median(knownMillis);
        long unknownMedian = median(unknownMillis);
        assertThat(unknownMedian).as("unknown %s ms vs known %s ms", unknownMillis, knownMillis)
                .isGreaterThanOrEqualTo(knownMedian * 6 / 10);
    }

    private static long median(List<Long> millis) {
        return millis.stream().sorted().toList().get(millis.size() / 2);
    }

    @Transactional
    List<String> journal(JournalEventType type, String user) {
        return JournalEntry.<JournalEntry>list("type = ?1 and detail like ?2 order by seq", type, "%'" + user + "'%")
                .stream().map(e -> e.detail).toList();
    }
}
