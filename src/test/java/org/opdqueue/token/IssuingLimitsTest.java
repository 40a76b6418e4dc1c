package org.opdqueue.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import org.opdqueue.common.ProblemException;
import org.opdqueue.common.ProblemType;

/** The limits without a server: buckets per issuer, and a bounded memory of client addresses. */
class IssuingLimitsTest {

    @Test
    void anAttackerChangingAddressesFillsNoMoreThanTheRememberedClients() {
        IssuingLimits limits = new IssuingLimits(20, 4, 1_000_000, 100);
        for (int i = 0; i < 20_000; i++) {
            limits.take(Issuer.anonymous("10.0." + (i / 256) + "." + (i % 256)));
        }
        assertThat(limits.clientsKnown()).isLessThanOrEqualTo(100);
    }

    @Test
    void oneAddressGetsItsShareAndIsToldWhenToComeBack() {
        IssuingLimits limits = new IssuingLimits(20, 2, 100, 100);
        limits.take(Issuer.anonymous("10.1.1.1"));
        limits.take(Issuer.anonymous("10.1.1.1"));
        assertThatThrownBy(() -> limits.take(Issuer.anonymous("10.1.1.1"))).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.type()).isEqualTo(ProblemType.TOO_MANY_REQUESTS);
            assertThat(e.retryAfterSeconds()).isBetween(1L, 3600L);
        });
        limits.take(Issuer.anonymous("10.1.1.2")); // another phone is not held back by the first
    }

    @Test
    void staffAreNotLimitedAndEachKioskHasItsOwnShare() {
        IssuingLimits limits = new IssuingLimits(3, 1, 1, 100);
        for (int i = 0; i < 1000; i++) {
            limits.take(Issuer.staff("registrar"));
        }
        for (int i = 0; i < 3; i++) {
            limits.take(Issuer.kiosk("K1"));
        }
        assertThatThrownBy(() -> limits.take(Issuer.kiosk("K1"))).isInstanceOf(ProblemException.class);
        limits.take(Issuer.kiosk("K2"));
    }
}
