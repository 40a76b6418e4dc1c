package org.opdqueue.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.opdqueue.device.Device;
import org.opdqueue.support.Api;
import org.opdqueue.support.TestHospital;
import org.opdqueue.token.NumberSeries;

/** The paper series letter is never a kiosk's: kiosk offline numbers and paper slips can never be the same number. */
@QuarkusTest
class PaperSeriesTest {

    @Inject
    TestHospital hospital;

    @Inject
    EntityManager em;

    @Test
    void noKioskIsEverGivenThePaperSeries() {
        List<String> given = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            given.add(Api.as("admin", "admin123").contentType(ContentType.JSON).post("/api/devices/" + hospital.kiosk() + "/credential")
                    .then().statusCode(200).extract().path("series"));
        }
        assertThat(given).doesNotHaveDuplicates().allSatisfy(series -> assertThat(series).matches("[A-Z]{1,2}").doesNotStartWith("P"));
        List<String> all = QuarkusTransaction.requiringNew().call(() -> Device.<Device>list("numberSeries is not null").stream()
                .map(d -> d.numberSeries).toList());
        assertThat(all).hasSizeGreaterThanOrEqualTo(30).noneMatch(NumberSeries::isPaper);
    }

    @Test
    void theDatabaseRefusesThePaperSeriesForAnyDevice() {
        String kiosk = hospital.kiosk();
        for (String series : List.of("P", "PA", "p")) {
            assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "UPDATE device SET number_series = ?1 WHERE code = ?2").setParameter(1, series).setParameter(2, kiosk)
                    .executeUpdate())).as("series " + series).hasStackTraceContaining("ck_device_series_not_paper");
        }
    }
}
