package org.opdqueue.support;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A browser-like staff session for page tests: the log-in cookie (replaced when the server sends a new one, as a
 * browser would), and the CSRF token of a page's form with its signed cookie.
 */
public final class StaffSession {

    public static final String CREDENTIAL_COOKIE = "quarkus-credential";
    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private String credential;
    private String csrf;
    private String csrfCookie;

    private StaffSession(String credential) {
        this.credential = credential;
    }

    public static StaffSession logIn(String user, String password) {
        Response answer = logInAnswer(user, password);
        String cookie = answer.getCookie(CREDENTIAL_COOKIE);
        if (cookie == null) {
            throw new AssertionError("log-in as " + user + " failed: " + answer.statusCode() + " " + answer.getHeader("Location"));
        }
        return new StaffSession(cookie);
    }

    /** The answer to the log-in form, posted as the page posts it (with the page's CSRF token), redirects not followed. */
    public static Response logInAnswer(String user, String password) {
        return logInForm().formParam("j_username", user).formParam("j_password", password).post("/j_security_check");
    }

    /** The log-in form's post with the CSRF token of a freshly opened log-in page, before its fields are added. */
    public static RequestSpecification logInForm() {
        Response page = given().redirects().follow(false).accept("text/html").get("/login");
        Matcher m = CSRF_INPUT.matcher(page.asString());
        if (!m.find()) {
            throw new AssertionError("the log-in page has no CSRF token: " + page.statusCode());
        }
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .cookie("csrf-token", page.getCookie("csrf-token")).formParam("csrf-token", m.group(1));
    }

    public String credential() {
        return credential;
    }

    public RequestSpecification request() {
        return given().redirects().follow(false).cookie(CREDENTIAL_COOKIE, credential).filter((request, response, ctx) -> {
            Response answer = ctx.next(request, response);
            String renewed = answer.getCookie(CREDENTIAL_COOKIE);
            if (renewed != null && !renewed.isEmpty()) {
                credential = renewed;
            }
            return answer;
        });
    }

    /** Opens a page with a form, keeping its CSRF token (cookie and hidden field) for the next post. */
    public Response open(String path) {
        Response page = request().accept("text/html").get(path);
        Matcher m = CSRF_INPUT.matcher(page.asString());
        if (m.find()) {
            csrf = m.group(1);
            csrfCookie = page.getCookie("csrf-token");
        }
        return page;
    }

    /** Posts a form as the page's own form would, CSRF token included. */
    public RequestSpecification form() {
        if (csrf == null || csrfCookie == null) {
            throw new IllegalStateException("open a page with a form first");
        }
        return request().accept("text/html").contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .cookie("csrf-token", csrfCookie).formParam("csrf-token", csrf);
    }

    /** The CSRF token of the last page opened with a form, as its hidden field holds it. */
    public String csrfToken() {
        return csrf;
    }

    /** The signed CSRF cookie that goes with {@link #csrfToken()}. */
    public String csrfCookie() {
        return csrfCookie;
    }
}
