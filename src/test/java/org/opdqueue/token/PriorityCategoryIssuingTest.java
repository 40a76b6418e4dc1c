package org.opdqueue.token;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.opdqueue.support.Api;
import org.opdqueue.support.BoardClient;
import org.opdqueue.support.StaffSession;
import org.opdqueue.support.TestHospital;

/** Which category a new token may have, and that tokens keep working when their category is no longer offered. */
@QuarkusTest
class PriorityCategoryIssuingTest {

    @TestHTTPResource("/")
    java.net.URI base;

    @Inject
    TestHospital hospital;

    @Test
    void aRequestWithoutPriorityGetsAGeneralToken() {
        String service = hospital.service();
        Api.kiosk().contentType(ContentType.JSON)
                .body(Map.of("requestId", UUID.randomUUID().toString(), "serviceCode", service))
                .post("/api/tokens").then().statusCode(201)
                .body("priority", equalTo("GENERAL"));
        Api.kiosk().contentType(ContentType.JSON)
                .body(Map.of("requestId", UUID.randomUUID().toString(), "serviceCode", service, "priority", " "))
                .post("/api/tokens").then().statusCode(201)
                .body("priority", equalTo("GENERAL"));
        Api.staff().get("/api/queues/" + service).then().statusCode(200)
                .body("waiting.priorityLane", not(hasItem(true)));
    }

    @Test
    void anUnknownCategoryIsA400NamingPriority() {
        String service = hospital.service();
        Api.post("/api/tokens", Api.issueBody(service, "NO_SUCH_THING")).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-input"))
                .body("errors[0].field", equalTo("priority"))
                .body("errors[0].message", equalTo("unknown priority category 'NO_SUCH_THING'"));
    }

    @Test
    void aCategoryNoLongerOfferedIsRefusedForNewTokensAndLeavesTheKiosk() {
        String service = hospital.service();
        String category = hospital.category(true);
        given().get("/api/priority-categories").then().statusCode(200)
                .body("find { it.code == '" + category + "' }.icon", equalTo("SENIOR_CITIZEN"))
                .body("find { it.code == '" + category + "' }.priority", equalTo(true));
        Api.post("/api/tokens", Api.issueBody(service, category)).then().statusCode(201);

        hospital.deactivateCategory(category);
        Api.post("/api/tokens", Api.issueBody(service, category.toLowerCase())).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("priority"))
                .body("errors[0].message", equalTo("category " + category + " is no longer offered"));
        given().get("/api/priority-categories").then().statusCode(200)
                .body("code", not(hasItem(category)))
                .body("code", hasItem("GENERAL"));
    }

    @Test
    void aTokenIssuedBeforeItsCategoryWasDeactivatedKeepsItsPlaceAndIsCalledInItsLane() throws Exception {
        String service = hospital.service(2);
        String category = hospital.category(true);
        long counter = hospital.openCounter(service);
        long board = hospital.board(java.util.List.of(service), java.util.List.of(counter));
        String general = Api.issue(service, "GENERAL").getString("number");
        io.restassured.path.json.JsonPath priority = Api.issue(service, category);
        long id = priority.getLong("id");
        String number = priority.getString("number");

        hospital.deactivateCategory(category);

        Api.staff().get("/api/tokens/" + id).then().statusCode(200) // the category is for staff eyes only
                .body("priority", equalTo(category)).body("status", equalTo("WAITING"));
        given().get("/t/" + priority.getString("code") + "/state").then().statusCode(200)
                .body("number", equalTo(number)).body("status", equalTo("WAITING"));
        Api.staff().get("/api/queues/" + service).then().statusCode(200)
                .body("waiting[0].number", equalTo(number))
                .body("waiting[0].priority", equalTo(category))
                .body("waiting[0].priorityLane", equalTo(true))
                .body("waiting[1].number", equalTo(general));

        try (BoardClient client = BoardClient.connect(base, board, null)) {
            assertThat(client.next().path("type").asText()).isEqualTo("snapshot");
            assertThat(Api.callNextNumber(counter)).isEqualTo(number); // the priority lane first, though issued later
            JsonNode called = client.next();
            assertThat(called.path("type").asText()).isEqualTo("called");
            assertThat(called.path("number").asText()).isEqualTo(number);
        }
        given().get("/api/display/" + board).then().statusCode(200)
                .body("counters[0].number", equalTo(number));
        Api.act(id, "start").then().statusCode(200);
        Api.act(id, "complete").then().statusCode(200).body("status", equalTo("COMPLETED"));
        assertThat(Api.callNextNumber(counter)).isEqualTo(general);
    }

    @Test
    void aSetUpChangeIsJournaledButNeverReachesTheBoards() throws Exception {
        String service = hospital.service();
        long counter = hospital.openCounter(service);
        long board = hospital.board(java.util.List.of(service), java.util.List.of(counter));
        StaffSession admin = StaffSession.logIn("admin", "admin123");
        try (BoardClient client = BoardClient.connect(base, board, null)) {
            assertThat(client.next().path("type").asText()).isEqualTo("snapshot");
            admin.open("/admin/categories/new");
            Map<String, String> form = new HashMap<>(Map.of("code", "TC_BOARD_" + UUID.randomUUID().toString().substring(0, 6),
                    "nameEn", "Board check", "nameHi", "बोर्ड", "lane", "general", "order", "990", "icon", "none"));
            admin.form().formParams(form).post("/admin/categories/new").then().statusCode(303);
            String number = Api.issue(service).getString("number");
            JsonNode next = client.next();
            assertThat(next.path("type").asText()).isEqualTo("waiting");
            assertThat(next.path("number").asText()).isEqualTo(number);
            assertThat(client.poll(Duration.ofMillis(300))).isNull();
            assertThat(client.everything()).noneMatch(m -> m.contains("Board check") || m.contains("\"setup\""));
        }
    }
}
