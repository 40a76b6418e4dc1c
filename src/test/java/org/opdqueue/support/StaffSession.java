package org.opdqueue.support;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** A browser-like staff session for page tests: the form log-in's cookie, and the CSRF token of a page's form. */
public final class StaffSession {

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private final String credential;
    private String csrf;

    private StaffSession(String credential) {
        this.credential = credential;
    }

    public static StaffSession logIn(String user, String password) {
        Response answer = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", user).formParam("j_password", password).post("/j_security_check");
        String cookie = answer.getCookie("quarkus-credential");
        if (cookie == null) {
            throw new AssertionError("log-in as " + user + " failed: " + answer.statusCode() + " " + answer.getHeader("Location"));
        }
        return new StaffSession(cookie);
    }

    public RequestSpecification request() {
        return given().redirects().follow(false).cookie("quarkus-credential", credential);
    }

    /** Opens a page with a form, keeping its CSRF token (cookie and hidden field) for the next post. */
    public Response open(String path) {
        Response page = request().accept("text/html").get(path);
        Matcher m = CSRF_INPUT.matcher(page.asString());
        if (m.find()) {
            csrf = m.group(1);
        }
        return page;
    }

    /** Posts a form as the page's own form would, CSRF token included. */
    public RequestSpecification form() {
        if (csrf == null) {
            throw new IllegalStateException("open a page with a form first");
        }
        return request().accept("text/html").contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .cookie("csrf-token", csrf).formParam("csrf-token", csrf);
    }
}
