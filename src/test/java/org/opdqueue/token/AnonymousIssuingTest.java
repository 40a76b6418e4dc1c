package org.opdqueue.token;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import org.opdqueue.support.Api;
import org.opdqueue.support.TestHospital;

/** A hospital that lets patients take a token on their phone: GENERAL KIOSK tokens, a few per phone, a few in all. */
@QuarkusTest
@TestProfile(AnonymousIssuingTest.PhonesAllowed.class)
class AnonymousIssuingTest {

    public static class PhonesAllowed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("opd.issuing.anonymous.enabled", "true",
                    "opd.issuing.anonymous.per-client-per-hour", "2",
                    "opd.issuing.anonymous.per-minute", "6",
                    // the client's address as a reverse proxy forwards it
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true");
        }
    }

    @Inject
    TestHospital hospital;

    @Test
    void aPhoneGetsAFewGeneralKioskTokensAndChangingAddressGetsNoMoreThanAllPhonesTogether() {
        String service = hospital.service();
        fromPhone("10.9.0.1", body(service, "GENERAL", null)).then().statusCode(201).body("channel", equalTo("KIOSK"))
                .body("priority", equalTo("GENERAL"));
        fromPhone("10.9.0.1", body(service, "PREGNANT", null)).then().statusCode(403)
                .contentType("application/problem+json").body("errors[0].field", equalTo("priority"));
        fromPhone("10.9.0.1", body(service, "GENERAL", "COUNTER")).then().statusCode(403)
                .body("errors[0].field", equalTo("channel"));
        fromPhone("10.9.0.1", body(service, "GENERAL", "APPOINTMENT")).then().statusCode(403)
                .body("errors[0].field", equalTo("channel"));
        fromPhone("10.9.0.1", body(service, "GENERAL", "KIOSK")).then().statusCode(201);

        Response refused = fromPhone("10.9.0.1", body(service, "GENERAL", null));
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("/problems/too-many-requests"));
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
        // staff and kiosks are not held back by phones
        Api.issue(service);
        Api.kiosk().contentType(ContentType.JSON).body(Api.kioskBody(service, "GENERAL")).post("/api/tokens").then()
                .statusCode(201);

        // an attacker changing address gets no more than all phones together may take a minute (6; each address alone
        // could take 2)
        List<Integer> answers = IntStream.range(0, 30)
                .mapToObj(i -> fromPhone("10.8." + i + ".1", body(service, "GENERAL", null)).statusCode()).toList();
        assertThat(answers.stream().filter(s -> s == 201).count()).isLessThanOrEqualTo(6);
        assertThat(answers).contains(429);
    }

    private static Response fromPhone(String address, Map<String, Object> body) {
        return given().header("X-Forwarded-For", address).contentType(ContentType.JSON).body(body).post("/api/tokens");
    }

    private static Map<String, Object> body(String service, String priority, String channel) {
        Map<String, Object> body = new HashMap<>(Api.kioskBody(service, priority));
        body.remove("channel");
        if (channel != null) {
            body.put("channel", channel);
        }
        return body;
    }
}
