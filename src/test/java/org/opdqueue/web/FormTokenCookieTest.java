package org.opdqueue.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.opdqueue.support.StaffSession;

/**
 * A form on a staff page keeps its token while the same browser reads the API in another tab (a kiosk, a console or a
 * board polling): only a page hands out a new form-token cookie.
 */
@QuarkusTest
class FormTokenCookieTest {

    @Test
    void readingTheApiDoesNotReplaceTheCookieOfAFormOnScreen() {
        StaffSession admin = StaffSession.logIn("admin", "admin123");
        admin.open("/admin/categories/new");
        String cookie = admin.csrfCookie();
        assertThat(cookie).isNotBlank();

        for (String read : new String[] { "/api/services", "/api/status", "/api/priority-categories", "/api/kiosk-settings" }) {
            Response answer = admin.request().cookie("csrf-token", cookie).accept("application/json").get(read);
            assertThat(answer.statusCode()).as(read).isEqualTo(200);
            assertThat(answer.getCookie("csrf-token")).as("form-token cookie sent with " + read).isNull();
        }

        // the form opened before those reads is still taken
        admin.form().formParam("code", "FTC_" + Long.toString(System.nanoTime() % 46656, 36).toUpperCase())
                .formParam("nameEn", "Form token check").formParam("nameHi", "फ़ॉर्म जाँच").formParam("order", "90")
                .formParam("lane", "general").formParam("icon", "none").formParam("active", "on")
                .post("/admin/categories/new").then().statusCode(303);
    }

    @Test
    void aPageStillGetsAFreshToken() {
        StaffSession admin = StaffSession.logIn("admin", "admin123");
        admin.open("/admin/categories/new");
        String first = admin.csrfCookie();
        admin.open("/admin/categories/new");
        assertThat(admin.csrfCookie()).isNotBlank().isNotEqualTo(first);
    }
}
