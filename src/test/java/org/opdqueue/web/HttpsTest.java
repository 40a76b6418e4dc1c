package org.opdqueue.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.smallrye.certs.CertificateGenerator;
import io.smallrye.certs.CertificateRequest;
import io.smallrye.certs.Format;

import org.opdqueue.support.Api;

/** The server on the hospital LAN as the README sets it up: PEM certificate, plain HTTP redirected, HSTS. */
@QuarkusTest
@TestProfile(HttpsTest.WithCertificate.class)
class HttpsTest {

    public static class WithCertificate implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Path dir = Path.of("target", "certs");
            try {
                Files.createDirectories(dir);
                new CertificateGenerator(dir, true).generate(new CertificateRequest().withName("opd")
                        .withFormat(Format.PEM).withCN("localhost").withSubjectAlternativeName("IP:127.0.0.1"));
            } catch (Exception e) {
                throw new IllegalStateException("could not make the test certificate", e);
            }
            return Map.of("quarkus.http.ssl.certificate.files", dir.resolve("opd.crt").toString(),
                    "quarkus.http.ssl.certificate.key-files", dir.resolve("opd.key").toString(),
                    "quarkus.http.test-ssl-port", "0",
                    "quarkus.http.insecure-requests", "redirect");
        }
    }

    @TestHTTPResource(value = "/api/status", tls = true)
    URL secureStatus;

    @TestHTTPResource("/api/status")
    URL plainStatus;

    @Test
    void plainHttpIsSentToHttps() {
        Response answer = given().redirects().follow(false).get(plainStatus);
        assertThat(answer.statusCode()).isBetween(301, 308);
        assertThat(answer.header("Location")).startsWith("https://");
    }

    @Test
    void httpsAnswersWithStrictTransportSecurity() {
        given().relaxedHTTPSValidation().get(secureStatus).then().statusCode(200)
                .header("Strict-Transport-Security", equalTo("max-age=31536000"))
                .body("mode", equalTo("NORMAL"));
    }

    @Test
    void theLogInCookieIsSecureOverHttps() {
        String login = secureStatus.toString().replace("/api/status", "/j_security_check");
        Response page = given().relaxedHTTPSValidation().get(secureStatus.toString().replace("/api/status", "/login"));
        Matcher token = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(page.asString());
        assertThat(token.find()).isTrue();
        Response answer = given().relaxedHTTPSValidation().redirects().follow(false)
                .cookie("csrf-token", page.getCookie("csrf-token")).formParam("csrf-token", token.group(1))
                .formParam("j_username", Api.STAFF_USER).formParam("j_password", Api.STAFF_PASSWORD).post(login);
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().getValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("quarkus-credential=").containsIgnoringCase("; Secure").containsIgnoringCase("SameSite=Strict"));
    }
}
