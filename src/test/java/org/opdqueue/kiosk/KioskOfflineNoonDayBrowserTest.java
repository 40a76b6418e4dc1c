package org.opdqueue.kiosk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import org.opdqueue.support.NoonDay;

/**
 * The offline kiosk again, in a hospital whose business day starts at noon: run between midnight and noon in the
 * hospital, the kiosk must keep (and ask for) the reserve of the business day, not of the calendar date.
 */
@QuarkusTest
@TestProfile(NoonDay.class)
class KioskOfflineNoonDayBrowserTest extends KioskOfflineBrowserTest {

    @Test
    void theStatusTellsKiosksWhenTheBusinessDayStarts() {
        given().get("/api/status").then().statusCode(200).body("dayStartsAt", equalTo("12:00"));
    }
}
