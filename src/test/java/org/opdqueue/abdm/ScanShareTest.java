package org.opdqueue.abdm;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import org.opdqueue.support.TestHospital;
import org.opdqueue.token.Channel;
import org.opdqueue.token.Sex;
import org.opdqueue.token.Token;

/** Scan & Share against a local gateway double that speaks ABDM's v3 contract: signed JWTs, sessions, on-share. */
@QuarkusTest
class ScanShareTest {

    @Inject
    GatewaySetUp setUp;

    @Inject
    TestHospital hospital;

    GatewayDouble gateway;
    String service;

    @BeforeEach
    void startGateway() throws Exception {
        gateway = new GatewayDouble();
        setUp.useGateway(gateway.base(), true);
        service = hospital.service();
    }

    @AfterEach
    void stopGateway() {
        setUp.turnOff();
        gateway.close();
    }

    @Test
    void aShareIsAnswered202AndTheGatewayIsToldTheTokenNumberOnOnShare() {
        String requestId = UUID.randomUUID().toString();
        String address = "asha." + requestId.substring(0, 8) + "@sbx";
        share(requestId, gateway.jwt(), body(service, address)).then().statusCode(202);

        Token token = setUp.tokenOf(requestId);
        assertThat(token.channel).isEqualTo(Channel.SCAN_SHARE);
        assertThat(token.patientName).isEqualTo("Asha Devi");
        assertThat(token.patientMobile).isEqualTo("9876543210");
        assertThat(token.patientAbha).isEqualTo("91123456789012");
        assertThat(token.patientSex).isEqualTo(Sex.FEMALE);
        assertThat(token.patientAge).isBetween(35, 36);

        GatewayDouble.OnShare onShare = awaitOnShare(requestId);
        assertThat(onShare.body().path("acknowledgement").path("status").asText()).isEqualTo("SUCCESS");
        assertThat(onShare.body().path("acknowledgement").path("abhaAddress").asText()).isEqualTo(address);
        assertThat(onShare.body().path("acknowledgement").path("profile").path("context").asText()).isEqualTo(service);
        assertThat(onShare.body().path("acknowledgement").path("profile").path("tokenNumber").asText())
                .isEqualTo(token.displayNumber);
        assertThat(onShare.body().path("acknowledgement").path("profile").path("expiry").asInt()).isEqualTo(30);
        assertThat(onShare.header("Authorization")).startsWith("Bearer session-");
        assertThat(onShare.header("X-CM-ID")).isEqualTo("sbx");
        assertThat(onShare.header("X-HIP-ID")).isEqualTo(GatewaySetUp.HIP_ID);
        assertThat(onShare.header("REQUEST-ID")).isNotBlank().isNotEqualTo(requestId);
        assertThat(onShare.header("TIMESTAMP")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    }

    @Test
    void theSameShareDeliveredTwiceGetsOneTokenAndOneAnswer() {
        String requestId = UUID.randomUUID().toString();
        Map<String, Object> body = body(service, "twice." + requestId.substring(0, 8) + "@sbx");
        share(requestId, gateway.jwt(), body).then().statusCode(202);
        long first = setUp.tokenOf(requestId).id;
        share(requestId, gateway.jwt(), body).then().statusCode(202);
        assertThat(setUp.tokenOf(requestId).id).isEqualTo(first);
        assertThat(issuedToday(service)).isEqualTo(1);

        awaitOnShare(requestId);
        sleep(Duration.ofSeconds(1)); // a second answer would have been sent by now
        assertThat(gateway.onShares).filteredOn(o -> o.answers().equals(requestId)).hasSize(1);
    }

    @Test
    void theSameAbhaAddressRescanningWithinHalfAnHourGetsTheSameTokenAndLaterANewOne() {
        String address = "rescan." + UUID.randomUUID().toString().substring(0, 8) + "@sbx";
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        share(first, gateway.jwt(), body(service, address)).then().statusCode(202);
        share(second, gateway.jwt(), body(service, address)).then().statusCode(202);
        Token token = setUp.tokenOf(first);
        assertThat(setUp.tokenOf(second).id).isEqualTo(token.id);
        assertThat(issuedToday(service)).isEqualTo(1);
        assertThat(awaitOnShare(second).body().path("acknowledgement").path("profile").path("tokenNumber").asText())
                .isEqualTo(token.displayNumber);

        setUp.shareWasMadeAt(first, Instant.now().minus(Duration.ofMinutes(31)));
        setUp.shareWasMadeAt(second, Instant.now().minus(Duration.ofMinutes(31)));
        String third = UUID.randomUUID().toString();
        share(third, gateway.jwt(), body(service, address)).then().statusCode(202);
        assertThat(setUp.tokenOf(third).id).isNotEqualTo(token.id);
        assertThat(setUp.tokensOfAbhaAddress(address)).isEqualTo(2);
    }

    @Test
    void aShareWithoutTheGatewaysValidSignatureIsRefused401AndIssuesNothing() throws Exception {
        String wrongKey = GatewayDouble.jwt(GatewayDouble.rsaKey(), Instant.now().plusSeconds(300));
        for (String authorization : new String[] { "Bearer " + wrongKey, "Bearer " + gateway.expiredJwt(), null,
                "Bearer not.a.jwt", "Basic YWRtaW46YWRtaW4xMjM=" }) {
            String requestId = UUID.randomUUID().toString();
            var request = given().contentType(ContentType.JSON).header("REQUEST-ID", requestId)
                    .header("X-HIP-ID", GatewaySetUp.HIP_ID).body(body(service, "nobody@sbx"));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            request.post(AbdmWire.SHARE_PATH).then().statusCode(401).contentType("application/problem+json")
                    .body("type", equalTo("/problems/unauthenticated"));
            assertThat(setUp.tokenOf(requestId)).as(authorization).isNull();
        }
        assertThat(issuedToday(service)).isZero();
    }

    @Test
    void anOnShareTheGatewayFailsTwiceIsRetriedUntilItIsDelivered() {
        String requestId = UUID.randomUUID().toString();
        gateway.failNextOnShares(requestId, 2);
        share(requestId, gateway.jwt(), body(service, "retry." + requestId.substring(0, 8) + "@sbx")).then().statusCode(202);
        GatewayDouble.OnShare delivered = awaitOnShare(requestId);
        assertThat(gateway.failedOnShares.get()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> ((Number) setUp.callbackOf(requestId)[1]).intValue() == 1);
        assertThat(delivered.body().path("acknowledgement").path("profile").path("tokenNumber").asText())
                .isEqualTo(setUp.tokenOf(requestId).displayNumber);
        Object[] callback = setUp.callbackOf(requestId);
        assertThat(((Number) callback[0]).intValue()).isEqualTo(3);
        assertThat(gateway.sessionsIssued.get()).as("the session token is kept between calls").isEqualTo(1);
    }

    @Test
    void aShareForAnUnknownCounterIsAProblemNamingTheContext() {
        String requestId = UUID.randomUUID().toString();
        share(requestId, gateway.jwt(), body("NOSUCHSERVICE", "lost@sbx")).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("metaData.context"));
        assertThat(setUp.tokenOf(requestId)).isNull();
    }

    @Test
    void aBadBodyIsA400NamingTheField() {
        Map<String, Object> wrongYear = Map.of("metaData", Map.of("hipId", GatewaySetUp.HIP_ID, "context", service),
                "profile", Map.of("patient", Map.of("abhaAddress", "year@sbx", "yearOfBirth", "nineteen ninety")));
        share(UUID.randomUUID().toString(), gateway.jwt(), wrongYear).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("profile.patient.yearOfBirth"));
        Map<String, Object> noAddress = Map.of("metaData", Map.of("context", service),
                "profile", Map.of("patient", Map.of("name", "No Address")));
        share(UUID.randomUUID().toString(), gateway.jwt(), noAddress).then().statusCode(400)
                .body("errors.field", hasItem("profile.patient.abhaAddress"));
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + gateway.jwt()).body(body(service, "x@sbx"))
                .post(AbdmWire.SHARE_PATH).then().statusCode(400).body("errors.field", hasItem("REQUEST-ID"));
        assertThat(issuedToday(service)).isZero();
    }

    @Test
    void whileScanAndShareIsOffASharesIsRefusedAndIssuesNothing() {
        setUp.turnOff();
        share(UUID.randomUUID().toString(), gateway.jwt(), body(service, "off@sbx")).then().statusCode(404)
                .contentType("application/problem+json");
        assertThat(issuedToday(service)).isZero();
    }

    @Test
    void staffCannotIssueScanShareTokensThemselves() {
        org.opdqueue.support.Api.post("/api/tokens", Map.of("requestId", UUID.randomUUID().toString(), "serviceCode", service,
                "channel", "SCAN_SHARE")).then().statusCode(403).body("errors.field", hasItem("channel"));
    }

    private Response share(String requestId, String jwt, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + jwt)
                .header("REQUEST-ID", requestId).header("TIMESTAMP", Instant.now().toString())
                .header("X-HIP-ID", GatewaySetUp.HIP_ID).header("X-CM-ID", "sbx").body(body).post(AbdmWire.SHARE_PATH);
    }

    /** A share as the published v3 example has it. */
    private static Map<String, Object> body(String context, String abhaAddress) {
        return Map.of("intent", Map.of("type", "PROFILE_SHARE"),
                "metaData", Map.of("hipId", GatewaySetUp.HIP_ID, "context", context, "hprId", "", "latitude", "28.56",
                        "longitude", "77.21"),
                "profile", Map.of("patient", Map.of("abhaNumber", "91-1234-5678-9012", "abhaAddress", abhaAddress,
                        "name", "Asha Devi", "gender", "F", "dayOfBirth", 4, "monthOfBirth", 7, "yearOfBirth", 1990,
                        "address", Map.of("line", "B-12, Sector 4", "district", "South Delhi", "state", "Delhi",
                                "pincode", "110017"),
                        "phoneNumber", "+91-9876543210")));
    }

    private GatewayDouble.OnShare awaitOnShare(String requestId) {
        await().atMost(Duration.ofSeconds(15)).until(() -> gateway.onShares.stream().anyMatch(o -> o.answers().equals(requestId)));
        return gateway.onShares.stream().filter(o -> o.answers().equals(requestId)).findFirst().orElseThrow();
    }

    private static long issuedToday(String service) {
        Integer waiting = given().get("/api/queues/" + service).then().statusCode(200).extract().path("waitingCount");
        return waiting;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
