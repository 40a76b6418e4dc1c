package org.opdqueue.support;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Short REST Assured calls the tests share. Staff calls log in with HTTP Basic as a demo user. */
public final class Api {

    /** A demo counter user (seeded by {@code DemoHospital}); the journal records this name as the actor. */
    public static final String STAFF_USER = "counter1";
    public static final String STAFF_PASSWORD = "counter123";

    private Api() {
    }

    /** The demo hospital's enrolled kiosk ({@code DemoKiosk}); kiosks issue with their key, not a log-in. */
    public static final String KIOSK_KEY = "KIOSK1.demo-kiosk-1";

    /** A request as the demo kiosk makes it. */
    public static RequestSpecification kiosk() {
        return given().header("Authorization", "Device " + KIOSK_KEY);
    }

    /** An admin enrols the kiosk: its answer holds the device {@code key} and the offline number {@code series}. */
    public static JsonPath enrol(String kioskCode) {
        return as("admin", "admin123").contentType(ContentType.JSON).post("/api/devices/" + kioskCode + "/credential")
                .then().statusCode(200).extract().jsonPath();
    }

    /** What a kiosk sends for a patient: channel KIOSK. */
    public static Map<String, Object> kioskBody(String serviceCode, String priority) {
        return Map.of("requestId", UUID.randomUUID().toString(), "serviceCode", serviceCode, "priority", priority,
                "channel", "KIOSK");
    }

    public static Map<String, Object> issueBody(String serviceCode, String priority) {
        return Map.of("requestId", UUID.randomUUID().toString(), "serviceCode", serviceCode, "priority", priority,
                "channel", "COUNTER");
    }

    /** A request as a logged-in staff member. */
    public static RequestSpecification staff() {
        return as(STAFF_USER, STAFF_PASSWORD);
    }

    public static RequestSpecification as(String user, String password) {
        return given().auth().preemptive().basic(user, password);
    }

    /** Every post as staff: tokens too, as a clerk issues them at the counter (kiosks are limited per minute). */
    public static Response post(String path, Object body) {
        return staff().contentType(ContentType.JSON).body(body).post(path);
    }

    public static JsonPath issue(String serviceCode, String priority) {
        return post("/api/tokens", issueBody(serviceCode, priority)).then().statusCode(201).extract().jsonPath();
    }

    public static JsonPath issue(String serviceCode) {
        return issue(serviceCode, "GENERAL");
    }

    public static Response callNext(long counterId) {
        return staff().contentType(ContentType.JSON).post("/api/counters/" + counterId + "/call-next");
    }

    public static JsonPath callNextAndGet(long counterId) {
        return callNext(counterId).then().statusCode(200).extract().jsonPath();
    }

    public static String callNextNumber(long counterId) {
        return callNext(counterId).then().statusCode(200).extract().path("number");
    }

    public static Response act(long tokenId, String action) {
        return staff().contentType(ContentType.JSON).post("/api/tokens/" + tokenId + "/" + action);
    }

    public static Response act(long tokenId, String action, Object body) {
        return post("/api/tokens/" + tokenId + "/" + action, body);
    }

    public static long id(JsonPath token) {
        return token.getLong("id");
    }
}
