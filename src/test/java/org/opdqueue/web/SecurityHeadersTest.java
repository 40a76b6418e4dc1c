package org.opdqueue.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.opdqueue.support.Api;

/**
 * Issue 12, item 11: no security headers (any site could frame the console and trick a click), and Swagger UI, the
 * OpenAPI document and the metrics open to anyone on the LAN outside the demo.
 */
@QuarkusTest
class SecurityHeadersTest {

    @Test
    void everyAnswerForbidsFramingTypeGuessingAndReferrers() {
        for (String path : new String[] { "/login", "/kiosk/", "/console-offline/", "/api/status", "/fonts/fonts.css",
                "/api/no-such-thing" }) {
            given().redirects().follow(false).get(path).then()
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", containsString("script-src 'self';"))
                    .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                    .header("X-Frame-Options", equalTo("DENY"))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("Referrer-Policy", equalTo("no-referrer"));
        }
    }

    @Test
    void theApiDescriptionAndTheMetricsAreForAdministratorsOnly() {
        for (String path : new String[] { "/q/openapi", "/q/swagger-ui/", "/q/metrics" }) {
            given().redirects().follow(false).get(path).then().statusCode(401);
            Api.staff().redirects().follow(false).get(path).then().statusCode(403);
            Api.as("admin", "admin123").redirects().follow(false).get(path).then().statusCode(200);
        }
    }

    @Test
    void healthStaysOpenForBoardsKiosksAndLoadBalancers() {
        given().get("/q/health/ready").then().statusCode(200).header("Content-Security-Policy", nullValue());
        given().get("/q/health/live").then().statusCode(200);
    }
}
