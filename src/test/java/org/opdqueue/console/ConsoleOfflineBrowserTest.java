package org.opdqueue.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PageAssertions;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.opdqueue.embedded.EmbeddedMariaDb;
import org.opdqueue.journal.JournalEntry;
import org.opdqueue.support.Api;
import org.opdqueue.support.BoardClient;
import org.opdqueue.support.Browser;
import org.opdqueue.support.CuttableProxy;
import org.opdqueue.support.EmbeddedMariaDbResource;
import org.opdqueue.support.TestHospital;
import org.opdqueue.token.Token;

/**
 * A counter keeps working when the server goes away, in real Chromium: the online console hands over to the
 * cached offline console, which queues calls, completes and no-shows by number and replays them in order.
 */
@QuarkusTest
class ConsoleOfflineBrowserTest {

    private static final LocatorAssertions.IsVisibleOptions SOON = new LocatorAssertions.IsVisibleOptions().setTimeout(10_000);

    @TestHTTPResource("/")
    URI base;

    @Inject
    TestHospital hospital;

    BrowserContext context;
    Page page;

    @BeforeEach
    void openBrowser() {
        context = Browser.deskContext();
        page = context.newPage();
        page.onConsoleMessage(m -> {
            if (!"log".equals(m.type())) {
                System.out.println("[console " + m.type() + "] " + m.text());
            }
        });
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void callsCompletesAndNoShowsMadeWithTheServerGoneAreReplayedInOrder() {
        String service = hospital.service();
        long counter = hospital.openCounter(service);
        String a = Api.issue(service).getString("number");
        String b = Api.issue(service).getString("number");
        String c = Api.issue(service).getString("number");
        String paper = service + "-P0012";

        try (CuttableProxy proxy = new CuttableProxy(base.getPort())) {
            openConsole("http://127.0.0.1:" + proxy.port(), counter);

            proxy.cut();
            assertThat(page).hasURL(Pattern.compile(".*/console-offline/$"), new PageAssertions.HasURLOptions().setTimeout(10_000));
            Locator banner = page.getByTestId("offline-banner");
            assertThat(banner).isVisible();
            assertThat(banner).hasAttribute("data-mode", "offline");
            page.reload(); // served from the service worker's cache
            assertThat(page.getByTestId("counter-name")).containsText("Test counter");
            assertThat(banner).hasAttribute("data-mode", "offline");

            call(a.toLowerCase());
            assertThat(page.getByTestId("current-number")).hasText(a);
            page.getByTestId("complete").click();
            assertThat(page.getByTestId("current-number")).hasText("—");
            call(b);
            page.keyboard().press("Escape");
            page.keyboard().press("x"); // no-show by key
            call(c);
            page.getByTestId("complete").click();
            call(paper);
            assertThat(page.getByTestId("current-number")).hasText(paper);

            Locator list = page.getByTestId("actions").locator("li");
            assertThat(list).hasCount(7);
            assertThat(page.getByTestId("actions").locator("li[data-state=queued]")).hasCount(7);
            assertThat(banner).hasAttribute("data-mode", "offline");
            List<Map<String, Object>> outbox = outbox();
            assertThat(outbox).extracting(e -> e.get("kind") + " " + e.get("number")).containsExactly(
                    "CALL " + a, "COMPLETE " + a, "CALL " + b, "NO_SHOW " + b, "CALL " + c, "COMPLETE " + c, "CALL " + paper);
            assertThat(tokenState(a)).isEqualTo("WAITING");

            long restored = System.nanoTime();
            proxy.restore();
            await().atMost(Duration.ofSeconds(15)).until(() -> ((Number) page.evaluate("window.__console.outboxSize()")).intValue() == 0);
            System.out.println("server back -> console outbox replayed in ms: " + (System.nanoTime() - restored) / 1_000_000);
            assertThat(banner).hasAttribute("data-mode", "online");
            assertThat(page.getByTestId("actions").locator("li[data-state=sent]")).hasCount(7);
            assertThat(page.getByTestId("online-link")).hasAttribute("href", "/console/" + counter);

            assertThat(tokenState(a)).isEqualTo("COMPLETED");
            assertThat(tokenState(b)).isEqualTo("NO_SHOW");
            assertThat(tokenState(c)).isEqualTo("COMPLETED");
            assertThat(journalOfCounter(counter)).containsExactly(
                    "CALLED " + a + " " + at(outbox, 0), "COMPLETED " + a + " " + at(outbox, 1),
                    "CALLED " + b + " " + at(outbox, 2), "NO_SHOW " + b + " " + at(outbox, 3),
                    "CALLED " + c + " " + at(outbox, 4), "COMPLETED " + c + " " + at(outbox, 5),
                    "CALLED " + paper + " " + at(outbox, 6));

            // back online, the console opens normally and has nothing left to send
            page.getByTestId("online-link").click();
            assertThat(page).hasURL(Pattern.compile(".*/console/" + counter + "$"));
            assertThat(page.getByTestId("current-number")).hasText("—");
            assertThat(page.evaluate("async () => (await import('/console-offline/link.js')).sendLeftovers()")).isNull();
            assertThat(journalOfCounter(counter)).hasSize(7);
        }
    }

    @Test
    void withTheDatabaseAwayACallByNumberStillReachesTheBoardAtOnce() throws Exception {
        EmbeddedMariaDb db = EmbeddedMariaDbResource.database();
        Assumptions.assumeTrue(db != null, "needs the embedded database, which the test can stop");
        String service = hospital.service();
        long counter = hospital.openCounter(service);
        long board = hospital.board(List.of(service), List.of(counter));
        String number = Api.issue(service).getString("number");
        openConsole(base.toString().replaceFirst("/$", ""), counter);

        try (BoardClient client = BoardClient.connect(base, board, null)) {
            client.next();
            db.stop();
            try {
                assertThat(page).hasURL(Pattern.compile(".*/console-offline/$"), new PageAssertions.HasURLOptions().setTimeout(10_000));
                assertThat(page.getByTestId("offline-banner")).hasAttribute("data-mode", "degraded",
                        new LocatorAssertions.HasAttributeOptions().setTimeout(10_000));
                long start = System.nanoTime();
                call(number);
                JsonNode called = null;
                for (JsonNode m; called == null && (m = client.poll(Duration.ofSeconds(5))) != null;) {
                    if ("called".equals(m.path("type").asText())) {
                        called = m;
                    }
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                System.out.println("database away: console call by number -> board in ms: " + millis);
                assertThat(called).as("the call reached the board").isNotNull();
                assertThat(called.path("number").asText()).isEqualTo(number);
                assertThat(millis).isLessThan(3000);
                assertThat(page.getByTestId("actions").locator("li[data-state=sent]")).hasCount(1);
                assertThat(page.getByTestId("actions").locator("li")).containsText("relayed to the boards");
            } finally {
                db.restart();
            }
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().get("/api/status").then()
                    .body("mode", org.hamcrest.Matchers.equalTo("NORMAL")));
            await().atMost(Duration.ofSeconds(10)).until(() -> "CALLED".equals(tokenState(number)));
        }
    }

    /** Logs in as counter1 on the counter's console and waits until the offline console is installed. */
    @Test
    void aPcThatOnlyOpenedTheCounterListChoosesItsCounterOfflineAndGoesOnCallingByNumber() {
        String service = hospital.service();
        long counter = hospital.openCounter(service);
        String number = Api.issue(service).getString("number");
        try (CuttableProxy proxy = new CuttableProxy(base.getPort())) {
            String origin = "http://127.0.0.1:" + proxy.port();
            page.navigate(origin + "/console");
            Browser.logIn(page, "counter1", "counter123");
            assertThat(page.getByTestId("counter-list")).isVisible();
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> Boolean.TRUE.equals(page.evaluate(
                    "async () => Boolean((await navigator.serviceWorker.getRegistration('/console-offline/'))?.active)")));

            proxy.cut();
            page.navigate(origin + "/console-offline/");
            Locator choose = page.getByTestId("no-counter");
            assertThat(choose).isVisible(SOON);
            assertThat(choose).containsText("Choose your counter below");
            assertThat(choose).containsText("type each number here as you call it");
            assertThat(page.getByTestId("no-counter-list")).isHidden();
            page.locator("[data-testid=counter-choices] button[data-counter-id='" + counter + "']").click();
            assertThat(page.getByTestId("counter-name")).containsText("Test counter");
            call(number);
            assertThat(outbox()).extracting(e -> e.get("kind") + " " + e.get("number") + " " + e.get("counterId"))
                    .containsExactly("CALL " + number + " " + counter);
        }
    }

    private void openConsole(String origin, long counter) {
        page.navigate(origin + "/console/" + counter);
        Browser.logIn(page, "counter1", "counter123");
        assertThat(page).hasURL(Pattern.compile(".*/console/" + counter + "$"));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> Boolean.TRUE.equals(page.evaluate(
                "async () => Boolean((await navigator.serviceWorker.getRegistration('/console-offline/'))?.active)")));
    }

    private void call(String number) {
        page.getByTestId("call-number").fill(number);
        page.getByTestId("call-number").press("Enter");
        assertThat(page.getByTestId("current-number")).hasText(number.toUpperCase(), new LocatorAssertions.HasTextOptions().setTimeout(5000));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> outbox() {
        return (List<Map<String, Object>>) page.evaluate("window.__console.outbox()");
    }

    @Transactional
    String tokenState(String number) {
        return Token.<Token>find("displayNumber = ?1 order by id desc", number).firstResult().status.name();
    }

    /** The counter's journal: type, number and the console's time, in order. */
    @Transactional
    List<String> journalOfCounter(long counter) {
        return JournalEntry.<JournalEntry>list("counterId = ?1 order by seq", counter).stream()
                .map(e -> e.type + " " + e.displayNumber + " " + (e.deviceTime == null ? null : e.deviceTime.toString()))
                .toList();
    }

    /** The browser's time of an outbox entry as the journal prints it (58.000Z in JavaScript is 58Z in Java). */
    private static String at(List<Map<String, Object>> outbox, int i) {
        return java.time.Instant.parse(String.valueOf(outbox.get(i).get("at"))).toString();
    }
}
