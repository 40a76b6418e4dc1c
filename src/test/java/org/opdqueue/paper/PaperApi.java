package org.opdqueue.paper;

import java.time.Instant;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

import org.opdqueue.support.Api;

/** The paper API calls the paper tests share, as the demo admin and clerks. */
final class PaperApi {

    private PaperApi() {
    }

    static Response reserve(String serviceCode, int slips) {
        return Api.as("admin", "admin123").contentType(ContentType.JSON)
                .body(Map.of("serviceCode", serviceCode, "slips", slips)).post("/api/paper/books");
    }

    static Response enter(String user, String number, Instant issuedAt) {
        return Api.as(user, password(user)).contentType(ContentType.JSON)
                .body(Map.of("number", number, "issuedAt", issuedAt.toString())).post("/api/paper/entries");
    }

    static String password(String user) {
        return switch (user) {
            case "admin" -> "admin123";
            case "registrar" -> "registrar123";
            default -> "counter123";
        };
    }
}
