package org.opdqueue.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.opdqueue.support.Api;
import org.opdqueue.support.Browser;
import org.opdqueue.support.DeskBrowserTest;
import org.opdqueue.support.TestHospital;

/**
 * Issue 12, item 11: no Content-Security-Policy, so markup an attacker slipped into a page (a name on a slip, a
 * ticker text) could run as script. Now only the server's own script files run, and every page still works under
 * that policy: Chromium reports no violation on any of them.
 */
@QuarkusTest
class InjectedScriptBrowserTest extends DeskBrowserTest {

    private static final String INJECT = """
            () => { const s = document.createElement('script'); s.textContent = 'window.injected = true';
                    document.body.appendChild(s); return window.injected === true; }""";

    @TestHTTPResource("/")
    URI base;

    @Inject
    TestHospital hospital;

    private final List<String> violations = new ArrayList<>();

    @BeforeEach
    void watchForViolations() {
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                violations.add(page.url() + ": " + message.text());
            }
        });
    }

    @Test
    void anInjectedInlineScriptDoesNotRun() {
        page.navigate(base.resolve("/login").toString());
        assertThat(page.evaluate(INJECT)).isEqualTo(false);
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("script-src"));
    }

    @Test
    void theKioskPrintsASlipUnderThePolicy() {
        String service = hospital.service();
        page.addInitScript("window.print = () => {}");
        page.navigate(base.resolve("/kiosk/?details=on&device=" + Api.KIOSK_KEY).toString());
        page.locator(".start-touch").click();
        page.locator("[data-service=" + service + "]").click();
        page.locator("[data-category=GENERAL]").click();
        page.locator(".btn-skip").click();
        page.locator("[data-action=print]").click();
        page.getByTestId("slip-number").waitFor();

        assertThat(page.getByTestId("slip-number").evaluate("n => getComputedStyle(n).getPropertyValue('--chars').trim()"))
                .isEqualTo(String.valueOf((service + "-001").length()));
        assertThat(violations).isEmpty();
    }

    @Test
    void everyPageWorksUnderThePolicy() {
        String service = hospital.service();
        long counter = hospital.openCounter(service);
        long board = hospital.board(List.of(service), List.of(counter));
        String code = Api.issue(service).getString("code");
        long book = Api.as("admin", "admin123").contentType(ContentType.JSON)
                .body(Map.of("serviceCode", service, "slips", 5)).post("/api/paper/books").then().statusCode(201)
                .extract().jsonPath().getLong("id");

        page.navigate(base.resolve("/admin").toString());
        Browser.logIn(page, "admin", "admin123");
        page.waitForURL(base.resolve("/admin").toString());
        for (String path : List.of("/admin/staff", "/admin/services", "/console", "/paper/entry",
                "/admin/paper-books/" + book + "/print", "/kiosk/", "/board/" + board, "/console-offline/", "/t/" + code)) {
            page.navigate(base.resolve(path).toString());
            page.waitForLoadState();
            page.waitForTimeout(300);
        }
        page.navigate(base.resolve("/admin/paper-books/" + book + "/print").toString());
        page.waitForSelector("body[data-ready=true]");
        assertThat(page.locator("[data-testid=slip]").count()).isEqualTo(5);
        assertThat(page.evaluate("() => [...document.querySelectorAll('[data-testid=slip]')].every(s => s.querySelector('svg'))"))
                .as("every slip has its QR code").isEqualTo(true);
        page.navigate(base.resolve("/board/" + board).toString());
        page.waitForFunction("() => document.body.innerText.includes('" + service + "') || document.body.innerText.length > 20");

        assertThat(violations).isEmpty();
    }
}
