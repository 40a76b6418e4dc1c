package org.opdqueue.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.opdqueue.support.Api;
import org.opdqueue.support.TestHospital;

/**
 * Issue 12, item 7: a page of another site cancelled a token through the API with the browser's cached Basic
 * credentials: a POST with {@code Content-Type: text/plain}, a foreign Origin and no body.
 */
@QuarkusTest
class CrossSiteApiCallAttackTest {

    private static final String EVIL = "http://evil.example";

    @TestHTTPResource("/")
    URI base;

    @Inject
    TestHospital hospital;

    @Test
    void aCrossSiteCancelWithCachedBasicCredentialsIsRefusedAndTheTokenStaysWaiting() {
        long id = Api.id(Api.issue(hospital.service()));

        Api.staff().header("Origin", EVIL).contentType("text/plain").post("/api/tokens/" + id + "/cancel").then()
                .statusCode(403).contentType("application/problem+json").body("type", equalTo("/problems/cross-site"))
                .body("detail", containsString(EVIL));

        Api.staff().get("/api/tokens/" + id).then().statusCode(200).body("status", equalTo("WAITING"));
    }

    @Test
    void aForeignOriginIsRefusedWhateverTheBodyAndAForeignRefererWithCredentialsToo() {
        long id = Api.id(Api.issue(hospital.service()));
        Api.staff().header("Origin", EVIL).contentType(ContentType.JSON).body("{}").post("/api/tokens/" + id + "/cancel")
                .then().statusCode(403).body("type", equalTo("/problems/cross-site"));
        Api.staff().header("Origin", "null").post("/api/tokens/" + id + "/cancel").then().statusCode(403);
        Api.staff().header("Referer", EVIL + "/prize.html").post("/api/tokens/" + id + "/cancel").then().statusCode(403)
                .body("detail", containsString("another site"));
        Api.staff().get("/api/tokens/" + id).then().body("status", equalTo("WAITING"));
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedEvenWithoutAnOrigin() {
        long id = Api.id(Api.issue(hospital.service()));
        Api.staff().contentType("application/x-www-form-urlencoded").body("x=1").post("/api/tokens/" + id + "/cancel")
                .then().statusCode(403).body("detail", containsString("application/json"));
        Api.staff().contentType("multipart/form-data; boundary=x").body("--x--".getBytes()).post("/api/tokens/" + id + "/cancel")
                .then().statusCode(403);
        Api.staff().get("/api/tokens/" + id).then().body("status", equalTo("WAITING"));
    }

    @Test
    void theServersOwnPagesAndClientsWithoutAnOriginStillWork() {
        String service = hospital.service();
        long first = Api.id(Api.issue(service));
        long second = Api.id(Api.issue(service));
        String self = base.toString().replaceAll("/$", "");
        // (REST Assured labels an empty POST as a form unless told otherwise, and forms need the CSRF token)
        Api.staff().header("Origin", self).header("Referer", self + "/console/1").contentType(ContentType.JSON)
                .post("/api/tokens/" + first + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        Api.staff().contentType(ContentType.JSON).post("/api/tokens/" + second + "/cancel").then().statusCode(200); // no Origin
        // reads are not changes: a foreign page may read what the boards show anyway
        Api.staff().header("Origin", EVIL).get("/api/tokens/" + first).then().statusCode(200);
    }
}
