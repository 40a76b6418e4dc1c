package org.opdqueue.outage;

import java.net.URI;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.opdqueue.support.TestHospital;

/**
 * Attack/fault test (issue 12, item 14): the database frozen with SIGSTOP (sockets open, nothing answers) in the
 * middle of a burst of 600 issues, then thawed. Nothing may wait on it longer than 3 s.
 */
@QuarkusTest
class DatabaseFrozenMidBurstTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    TestHospital hospital;

    @Test
    void noIssueAnswers500AndEveryFailureSaysRetryWithTheSameRequestIdWithinThreeSeconds() throws Exception {
        new MidBurstFault(base, hospital).run(MidBurstFault.Fault.FREEZE);
    }
}
