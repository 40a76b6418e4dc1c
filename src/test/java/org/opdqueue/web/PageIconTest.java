package org.opdqueue.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.opdqueue.support.Api;
import org.opdqueue.support.StaffSession;

/** Every page names the app's icon, and a browser that asks for /favicon.ico anyway gets one, not a 404. */
@QuarkusTest
class PageIconTest {

    private static final String ICON_LINK = "<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">";

    @Test
    void theIconIsThereUnderEveryNameABrowserAsksFor() {
        given().get("/favicon.ico").then().statusCode(200).contentType(containsString("icon"));
        given().get("/favicon.svg").then().statusCode(200).contentType(containsString("image/svg+xml"));
        given().get("/favicon-called.svg").then().statusCode(200).contentType(containsString("image/svg+xml"));
    }

    @Test
    void theBoardTheKioskTheOfflineConsoleTheStatusAndTheLogInPagesLinkIt() {
        String code = Api.issue("MED").getString("code");
        for (String path : List.of("/board/", "/kiosk/", "/console-offline/", "/t/" + code, "/login")) {
            given().accept("text/html").get(path).then().statusCode(200).body(containsString(ICON_LINK));
        }
    }

    @Test
    void theConsoleAndAdminPagesLinkIt() {
        StaffSession admin = StaffSession.logIn("admin", "admin123");
        for (String path : List.of("/admin", "/console")) {
            admin.request().accept("text/html").get(path).then().statusCode(200).body(containsString(ICON_LINK));
        }
    }
}
