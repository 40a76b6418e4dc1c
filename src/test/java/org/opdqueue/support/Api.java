package org.opdqueue.support;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Short REST Assured calls the tests share. */
public final class Api {

    private Api() {
    }

    public static Map<String, Object> issueBody(String serviceCode, String priority) {
        return Map.of("requestId", UUID.randomUUID().toString(), "serviceCode", serviceCode, "priority", priority,
                "channel", "COUNTER");
    }

    public static Response post(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).post(path);
    }

    public static JsonPath issue(String serviceCode, String priority) {
        return post("/api/tokens", issueBody(serviceCode, priority)).then().statusCode(201).extract().jsonPath();
    }

    public static JsonPath issue(String serviceCode) {
        return issue(serviceCode, "GENERAL");
    }

    public static Response callNext(long counterId) {
        return given().post("/api/counters/" + counterId + "/call-next");
    }

    public static String callNextNumber(long counterId) {
        return callNext(counterId).then().statusCode(200).extract().path("number");
    }

    public static Response act(long tokenId, String action) {
        return given().contentType(ContentType.JSON).post("/api/tokens/" + tokenId + "/" + action);
    }

    public static Response act(long tokenId, String action, Object body) {
        return post("/api/tokens/" + tokenId + "/" + action, body);
    }

    public static long id(JsonPath token) {
        return token.getLong("id");
    }
}
