package org.opdqueue.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One generated request: an operation of the OpenAPI document, sent with one bad or edge input by one caller.
 * {@code field} is the JSON or form field the input was put in (null when the whole request was bent), so a 400
 * can be checked for naming it.
 */
record FuzzCase(int index, String operation, String method, String path, String query, Map<String, String> headers,
        String contentType, byte[] body, Caller caller, String mutation, String field) {

    /** Who sends it: nobody, each staff role (log-in cookie, or HTTP Basic), or an enrolled kiosk with its key. */
    enum Caller {
        ANONYMOUS, COUNTER, REGISTRAR, ADMIN, COUNTER_BASIC, KIOSK
    }

    FuzzCase as(Caller who) {
        return new FuzzCase(index, operation, method, path, query, headers, contentType, body, who, mutation, field);
    }

    String target() {
        return query == null || query.isEmpty() ? path : path + "?" + query;
    }

    /** Enough to send the same request again by hand: the case is also reproducible from the seed and its index. */
    String describe() {
        String shownBody = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        if (shownBody.length() > 300) {
            shownBody = shownBody.substring(0, 300) + "…(" + body.length + " bytes)";
        }
        String shownTarget = target().length() > 300 ? target().substring(0, 300) + "…" : target();
        return "#" + index + " " + operation + " as " + caller + " [" + mutation + "]: " + method + " " + shownTarget
                + (contentType == null ? "" : " (" + contentType + ")") + (headers.isEmpty() ? "" : " " + headers)
                + (shownBody.isEmpty() ? "" : " body " + shownBody.replaceAll("\\p{Cntrl}", "·"));
    }
}
