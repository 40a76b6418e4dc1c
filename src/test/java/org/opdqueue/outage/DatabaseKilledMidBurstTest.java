package org.opdqueue.outage;

import java.net.URI;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.opdqueue.support.TestHospital;

/**
 * Attack/fault test (issue 12, item 14): the database killed with SIGKILL in the middle of a burst of 600 issues.
 * A commit whose answer never came is the dangerous case: it may or may not have happened.
 */
@QuarkusTest
class DatabaseKilledMidBurstTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    TestHospital hospital;

    @Test
    void noIssueAnswers500AndEveryFailureSaysRetryWithTheSameRequestIdWithinThreeSeconds() throws Exception {
        new MidBurstFault(base, hospital).run(MidBurstFault.Fault.KILL);
    }
}
