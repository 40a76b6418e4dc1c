package org.opdqueue.display;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.opdqueue.support.Api;
import org.opdqueue.support.BoardClient;
import org.opdqueue.support.Browser;
import org.opdqueue.support.CuttableProxy;
import org.opdqueue.support.TestHospital;

/** The display-board app in real Chromium, fed by the real server. */
@QuarkusTest
class BoardBrowserTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    TestHospital hospital;

    String service;
    long counter;
    long board;
    BrowserContext context;
    Page page;

    @BeforeEach
    void openBoard() {
        service = hospital.service();
        counter = hospital.openCounter(service);
        board = hospital.board(List.of(service), List.of(counter));
        context = Browser.get().newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1920, 1080));
        page = context.newPage();
    }

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void aCallAppearsOnTheBoardWithinASecondAndFlashes() {
        page.navigate(base.resolve("/board/" + board + "?muted=1&device=" + BoardClient.DEMO_KEY).toString());
        assertThat(page.getByTestId("now-calling")).isVisible();
        page.waitForFunction("() => window.__board && window.__board.connected()");

        String number = Api.issue(service).getString("number");
        Api.callNext(counter).then().statusCode(200);

        Locator tile = page.getByTestId("tile-" + counter);
        assertThat(tile).hasAttribute("data-number", number, new LocatorAssertions.HasAttributeOptions().setTimeout(1000));
        assertThat(tile).hasClass(Pattern.compile("\\bflash\\b"));
        assertThat(page.getByTestId("recent-calls")).containsText(number);
        assertThat(page.getByTestId("stale-marker")).isHidden();
    }

    @Test
    void theBoardShowsItIsStaleWhileTheServerIsGoneAndCatchesUpOnItsOwn() {
        try (CuttableProxy proxy = new CuttableProxy(base.getPort())) {
            page.navigate("http://127.0.0.1:" + proxy.port() + "/board/" + board + "?muted=1&device=" + BoardClient.DEMO_KEY);
            page.waitForFunction("() => window.__board && window.__board.connected()");
            String first = Api.issue(service).getString("number");
            long firstId = Api.callNext(counter).then().statusCode(200).extract().jsonPath().getLong("id");
            assertThat(page.getByTestId("tile-" + counter)).hasAttribute("data-number", first);

            proxy.cut();
            assertThat(page.getByTestId("stale-marker")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(5000));
            assertThat(page.getByTestId("stale-marker")).containsText("Last updated");
            // calls made while the board cannot reach the server
            Api.act(firstId, "complete").then().statusCode(200);
            String second = Api.issue(service).getString("number");
            Api.callNext(counter).then().statusCode(200);
            assertThat(page.getByTestId("mode-banner")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(15000));
            assertThat(page.getByTestId("tile-" + counter)).hasAttribute("data-number", first);

            proxy.restore();
            assertThat(page.getByTestId("tile-" + counter))
                    .hasAttribute("data-number", second, new LocatorAssertions.HasAttributeOptions().setTimeout(40000));
            assertThat(page.getByTestId("stale-marker")).isHidden();
            assertThat(page.getByTestId("mode-banner")).isHidden();
            assertThat(page.getByTestId("recent-calls")).containsText(second);
        }
    }
}
