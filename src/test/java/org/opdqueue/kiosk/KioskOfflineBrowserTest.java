package org.opdqueue.kiosk;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

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
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.opdqueue.support.Api;
import org.opdqueue.support.Browser;
import org.opdqueue.support.CuttableProxy;
import org.opdqueue.support.Screens;
import org.opdqueue.support.TestHospital;

/**
 * The kiosk losing the server, in real Chromium behind a proxy the test cuts: it keeps printing slips from the
 * numbers it reserved, marked OFFLINE, and when the server is back its outbox lands in the queue exactly once.
 */
@QuarkusTest
// no MidnightDay: at night the test hospital's day starts at noon (NightTestDay), and the kiosk works out its offline
// day as the server does; KioskOfflineNoonDayBrowserTest runs all of this with a noon day at any hour
class KioskOfflineBrowserTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    TestHospital hospital;

    String service;
    String kiosk;
    String key;
    String series;
    BrowserContext context;
    Page page;
    long lastIssueMillis;

    @BeforeEach
    void enrolKioskAndOpenBrowser() {
        service = hospital.service();
        kiosk = hospital.kiosk();
        JsonPath enrolled = Api.enrol(kiosk);
        key = enrolled.getString("key");
        series = enrolled.getString("series");
        context = Browser.get().newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1080, 1920));
        context.addInitScript("window.__printed = 0; window.print = () => { window.__printed++; }");
        page = context.newPage();
        page.onConsoleMessage(m -> {
            if (!"log".equals(m.type())) {
                System.out.println("[kiosk " + m.type() + "] " + m.text());
            }
        });
    }

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void twentyTokensIssuedOfflineLandOnceInIssueOrderAndReplayingChangesNothing() {
        long counter = hospital.openCounter(service);
        try (CuttableProxy proxy = new CuttableProxy(base.getPort())) {
            String origin = "http://127.0.0.1:" + proxy.port();
            page.navigate(origin + "/kiosk/?details=on&device=" + key);
            page.waitForFunction("() => window.__kiosk && window.__kiosk.offlineReady()");
            assertThat(page.url()).as("the key leaves the address bar").isEqualTo(origin + "/kiosk/?details=on"); // the other settings stay

            String online = issueAndFinish();
            assertThat(online).isEqualTo(service + "-001");
            waitFor("a reserve for " + service, () -> remaining() >= 10);
            assertThat(page.getByTestId("offline-banner")).isHidden();

            proxy.cut();
            List<String> offline = new ArrayList<>();
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Locator slip = issue();
                millis.add(lastIssueMillis);
                assertThat(slip.getByTestId("slip-offline")).isVisible();
                assertThat(slip.getByTestId("slip-offline")).hasText("OFFLINE / ऑफ़लाइन");
                assertThat(slip.getByTestId("slip-ahead").locator(".slip-value")).hasText("—");
                assertThat(page.getByTestId("offline-banner")).isVisible();
                offline.add(slip.getByTestId("slip-number").textContent());
                finish();
            }
            System.out.println("server lost -> offline slip on screen, ms from Print to slip: " + millis);
            assertThat(millis.get(0)).as("first slip after the server went away").isLessThan(3000);
            assertThat(offline).doesNotHaveDuplicates().allMatch(n -> n.matches(service + "-" + series + "\\d{3}"));
            assertThat(offline.get(0)).isEqualTo(service + "-" + series + "001");
            assertThat(page.evaluate("window.__printed")).isEqualTo(21);
            assertThat(page.getByTestId("offline-banner")).isVisible(); // on the start screen too
            assertThat(page.getByTestId("staff-corner")).hasAttribute("data-pending", "20");
            List<Map<String, Object>> outbox = outbox();
            assertThat(outbox).hasSize(20);
            assertThat(outbox.stream().map(e -> e.get("offlineNumber"))).containsExactlyElementsOf(offline);

            long restored = System.nanoTime();
            proxy.restore();
            waitFor("the outbox to empty", () -> ((Number) page.evaluate("window.__kiosk.outboxSize()")).intValue() == 0);
            System.out.println("server back -> outbox merged in ms: " + (System.nanoTime() - restored) / 1_000_000);
            assertThat(page.getByTestId("offline-banner")).isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(10000));
            assertThat(page.evaluate("window.__kiosk.rejectedCount()")).isEqualTo(0);

            List<String> queue = waiting();
            List<String> expected = new ArrayList<>(List.of(online));
            expected.addAll(offline);
            assertThat(queue).as("each token once, in issue order").isEqualTo(expected);
            JsonPath called = callNext(counter);
            assertThat(called.getString("number")).isEqualTo(online);
            Api.act(called.getLong("id"), "complete").then().statusCode(200);
            JsonPath first = callNext(counter);
            assertThat(first.getString("number")).isEqualTo(offline.get(0));
            given().get("/api/tokens/" + first.getLong("id")).then().statusCode(200)
                    .body("channel", org.hamcrest.Matchers.equalTo("OFFLINE_KIOSK"))
                    .body("degraded", org.hamcrest.Matchers.equalTo(true));
            List<String> before = waiting();

            // the same outbox again, as a kiosk restored from a backup would send it: nothing changes
            JsonPath again = given().header("Authorization", "Device " + key).contentType(ContentType.JSON)
                    .body(Map.of("sentAt", Instant.now().toString(), "tokens", outbox)).post("/api/sync/tokens")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(again.getList("results.result")).hasSize(20).containsOnly("duplicate");
            assertThat(again.getList("results.number")).containsExactlyElementsOf(offline);
            assertThat(waiting()).isEqualTo(before).hasSize(19);
        }
    }

    @Test
    void anEmptyReserveSendsThePatientToTheCounterInsteadOfInventingANumber() {
        try (CuttableProxy proxy = new CuttableProxy(base.getPort())) {
            page.navigate("http://127.0.0.1:" + proxy.port() + "/kiosk/?details=on&reserve=2&device=" + key);
            page.waitForFunction("() => window.__kiosk && window.__kiosk.offlineReady()");
            waitFor("a reserve of 2", () -> remaining() == 2);

            proxy.cut();
            List<String> offline = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                offline.add(issueAndFinish());
            }
            assertThat(offline).containsExactly(service + "-" + series + "001", service + "-" + series + "002");

            start();
            page.locator("[data-action=print]").click();
            Locator refusal = page.getByTestId("no-reserve");
            assertThat(refusal).isVisible();
            assertThat(refusal).containsText("registration counter");
            assertThat(refusal).containsText("पंजीकरण काउंटर");
            assertThat(page.getByTestId("slip")).hasCount(0);
            assertThat(page.evaluate("window.__printed")).isEqualTo(2);
            assertThat(page.evaluate("window.__kiosk.outboxSize()")).isEqualTo(2);

            proxy.restore();
            waitFor("the outbox to empty", () -> ((Number) page.evaluate("window.__kiosk.outboxSize()")).intValue() == 0);
            assertThat(waiting()).isEqualTo(offline);
        }
    }

    @Test
    void aServerThatStopsAnsweringCostsThePatientUnderThreeSeconds() {
        page.navigate(base.resolve("/kiosk/?details=on&device=" + key).toString());
        page.waitForFunction("() => window.__kiosk && window.__kiosk.offlineReady()");
        waitFor("a reserve for " + service, () -> remaining() >= 10);

        // worse than a refused connection: the server takes the request and never answers
        page.route("**/api/**", route -> {
        });
        Locator slip = issue();
        System.out.println("server hangs -> offline slip on screen in ms: " + lastIssueMillis);
        assertThat(slip.getByTestId("slip-offline")).isVisible();
        assertThat(slip.getByTestId("slip-number")).hasText(service + "-" + series + "001");
        assertThat(lastIssueMillis).isLessThan(3000);
        assertThat(page.getByTestId("offline-banner")).isVisible();
    }

    @Test
    void theKioskStartsAndIssuesWithTheServerGoneFromItsServiceWorkerCache() {
        try (CuttableProxy proxy = new CuttableProxy(base.getPort())) {
            page.navigate("http://127.0.0.1:" + proxy.port() + "/kiosk/?details=on&lang=hi&device=" + key);
            page.waitForFunction("() => window.__kiosk && window.__kiosk.offlineReady()");
            page.waitForFunction("() => navigator.serviceWorker.controller !== null");
            waitFor("a reserve for " + service, () -> remaining() >= 10);

            proxy.cut();
            page.reload();
            assertThat(page.locator(".start-touch")).isVisible();
            assertThat(page.locator("html")).hasAttribute("lang", "hi");
            Locator slip = issue();
            assertThat(slip.getByTestId("slip-offline")).hasText("ऑफ़लाइन / OFFLINE");
            assertThat(slip.getByTestId("slip-number")).hasText(service + "-" + series + "001");

            proxy.restore();
            waitFor("the outbox to empty", () -> ((Number) page.evaluate("window.__kiosk.outboxSize()")).intValue() == 0);
            assertThat(waiting()).containsExactly(service + "-" + series + "001");
        }
    }

    @Test
    void theOfflineBannerFitsEveryKioskSizeInEnglishAndHindi() {
        // the status probe fails, so the kiosk goes offline as soon as it starts; everything else answers
        page.route("**/api/status", route -> route.abort());
        List<String> misfits = new ArrayList<>();
        for (String lang : List.of("en", "hi")) {
            page.navigate(base.resolve("/kiosk/?details=on&lang=" + lang + "&device=" + key).toString());
            page.waitForFunction("() => window.__kiosk && window.__kiosk.offlineReady()");
            Locator banner = page.getByTestId("offline-banner");
            assertThat(banner).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(10000));
            assertThat(banner).containsText("Working offline");
            assertThat(banner).containsText("ऑफ़लाइन चल रहा है");
            for (int[] size : new int[][] { { 1080, 1920 }, { 768, 1366 }, { 1920, 1080 }, { 1366, 768 } }) {
                page.setViewportSize(size[0], size[1]);
                page.waitForFunction("([w, h]) => innerWidth === w && innerHeight === h", List.of(size[0], size[1]));
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) page.evaluate("""
                        () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => {
                          const b = document.querySelector('[data-testid="offline-banner"]');
                          const box = b.getBoundingClientRect();
                          const screen = document.querySelector('.screen').getBoundingClientRect();
                          const lines = [...b.querySelectorAll('.primary, .secondary')];
                          done({ scrollHeight: b.scrollHeight, clientHeight: b.clientHeight,
                            top: box.top, bottom: box.bottom, viewport: innerHeight, screenBottom: screen.bottom,
                            lines: lines.length,
                            overflowing: lines.filter((l) => l.scrollWidth > l.clientWidth + 1 || l.scrollHeight > l.clientHeight + 1
                              || l.getBoundingClientRect().right > box.right + 1 || l.getBoundingClientRect().bottom > box.bottom + 1)
                              .map((l) => l.className) });
                        })))""");
                String where = lang + " " + size[0] + "x" + size[1];
                System.out.println("offline banner " + where + ": content " + m.get("scrollHeight") + " px in a "
                        + m.get("clientHeight") + " px box; screen ends at " + m.get("screenBottom") + ", banner "
                        + m.get("top") + "-" + m.get("bottom") + " of " + m.get("viewport"));
                if (((Number) m.get("scrollHeight")).doubleValue() > ((Number) m.get("clientHeight")).doubleValue() + 1
                        || !((List<?>) m.get("overflowing")).isEmpty() || ((Number) m.get("lines")).intValue() != 2
                        || ((Number) m.get("bottom")).doubleValue() > ((Number) m.get("viewport")).doubleValue() + 1
                        || ((Number) m.get("screenBottom")).doubleValue() > ((Number) m.get("top")).doubleValue() + 1) {
                    misfits.add(where + " " + m);
                }
            }
            page.setViewportSize(1080, 1920);
        }
        assertThat(misfits).as("the banner's text is cut off, overflows, or covers the screen").isEmpty();
    }

    @Test
    void aRefusedSlipIsShownToStaffInWordsWhileThePatientScreenStaysUsable() {
        try (CuttableProxy proxy = new CuttableProxy(base.getPort())) {
            page.navigate("http://127.0.0.1:" + proxy.port() + "/kiosk/?details=on&device=" + key);
            page.waitForFunction("() => window.__kiosk && window.__kiosk.offlineReady()");
            waitFor("a reserve for " + service, () -> remaining() >= 10);

            proxy.cut();
            List<String> offline = List.of(issueAndFinish(), issueAndFinish());
            assertThat(offline).containsExactly(service + "-" + series + "001", service + "-" + series + "002");
            // meanwhile another token took the first number (an outbox restored on a replacement kiosk, say)
            given().header("Authorization", "Device " + key).contentType(ContentType.JSON)
                    .body(Map.of("tokens", List.of(Map.of("requestId", java.util.UUID.randomUUID().toString(),
                            "serviceCode", service, "offlineNumber", offline.get(0), "issuedAt", Instant.now().toString()))))
                    .post("/api/sync/tokens").then().statusCode(200).body("results[0].result", org.hamcrest.Matchers.equalTo("created"));
            assertThat(page.getByTestId("refused-badge")).isHidden();

            proxy.restore();
            waitFor("the outbox to empty", () -> ((Number) page.evaluate("window.__kiosk.outboxSize()")).intValue() == 0);
            Locator badge = page.getByTestId("refused-badge");
            assertThat(badge).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(10000));
            assertThat(badge).hasText("1 slip refused – staff / 1 पर्ची अस्वीकृत – स्टाफ़");
            assertThat(page.getByTestId("refused-panel")).isHidden();

            badge.click();
            Locator panel = page.getByTestId("refused-panel");
            assertThat(panel).isVisible();
            Locator row = panel.locator("tbody tr");
            assertThat(row).hasCount(1);
            assertThat(row.locator("td").nth(0)).hasText(offline.get(0));
            assertThat(row.locator("td").nth(1)).not().isEmpty();
            assertThat(row.locator("td").nth(2)).containsText("already merged for another token");
            assertThat(panel).containsText("in no queue");
            // the panel sits under the patient screen, not over it: the patient can go on
            double screenBottom = ((Number) page.evaluate("document.querySelector('.screen').getBoundingClientRect().bottom")).doubleValue();
            double panelTop = ((Number) page.evaluate("document.querySelector('[data-testid=refused-panel]').getBoundingClientRect().top")).doubleValue();
            assertThat(screenBottom).isLessThanOrEqualTo(panelTop + 1);
            page.locator(".start-touch").click();
            assertThat(page.locator("[data-service=" + service + "]")).isVisible();

            page.getByTestId("refused-close").click();
            assertThat(panel).isHidden();
            assertThat(badge).isVisible();
            assertThat(page.evaluate("window.__kiosk.rejectedCount()")).isEqualTo(1);
            // the kiosk's second slip, and the other token that took the first number later
            assertThat(waiting()).containsExactly(offline.get(1), offline.get(0));
            List<String> onConsole = Api.staff().get("/api/offline-refusals?service=" + service).then().statusCode(200)
                    .extract().path("number");
            assertThat(onConsole).containsExactly(offline.get(0));

            // restarted while the server is away, the kiosk still shows staff the refused slip, under the offline banner
            page.navigate("http://127.0.0.1:" + proxy.port() + "/kiosk/?details=on&lang=hi&device=" + key);
            page.waitForFunction("() => navigator.serviceWorker.controller !== null");
            proxy.cut();
            page.reload();
            assertThat(page.getByTestId("offline-banner")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(10000));
            assertThat(badge).containsText("1 पर्ची अस्वीकृत – स्टाफ़");
            badge.click();
            assertThat(panel.locator("tbody tr td").first()).hasText(offline.get(0));
            Screens.keep(page, "kiosk-offline-refused-hi");
        }
    }

    @Test
    void everythingTheKioskPageLoadsIsInItsOfflineCacheSoNothingBreaksWhenTheServerIsGone() {
        List<String> loaded = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> broken = java.util.Collections.synchronizedList(new ArrayList<>());
        page.onRequest(r -> {
            String path = URI.create(r.url()).getPath();
            if ("GET".equals(r.method()) && !path.startsWith("/api/")) {
                loaded.add(path);
            }
        });
        page.onRequestFailed(r -> broken.add(r.url() + " " + r.failure()));
        page.onResponse(r -> {
            if (r.status() >= 400) {
                broken.add(r.url() + " " + r.status());
            }
        });
        try (CuttableProxy proxy = new CuttableProxy(base.getPort())) {
            String origin = "http://127.0.0.1:" + proxy.port();
            // spoken prompts on: each screen plays its clip
            page.navigate(origin + "/kiosk/?details=on&audio=on&device=" + key);
            page.waitForFunction("() => window.__kiosk && window.__kiosk.offlineReady()");
            page.waitForFunction("() => navigator.serviceWorker.controller !== null");
            waitFor("a reserve for " + service, () -> remaining() >= 10);
            issueAndFinish();
            page.navigate(origin + "/kiosk/?details=on&audio=on&lang=hi");
            page.waitForFunction("() => window.__kiosk && window.__kiosk.offlineReady()");
            issueAndFinish();
            waitFor("the spoken prompts to be asked for", () -> loaded.stream().anyMatch(p -> p.endsWith("/hi/done.opus")));

            @SuppressWarnings("unchecked")
            List<String> cached = (List<String>) page.evaluate("""
                    async () => {
                      const paths = [];
                      for (const name of (await caches.keys()).filter((n) => n.startsWith('opd-kiosk-shell-'))) {
                        const cache = await caches.open(name);
                        paths.push(...(await cache.keys()).map((r) => new URL(r.url).pathname));
                      }
                      return paths;
                    }""");
            // the worker's own scripts are kept by the browser, not in a cache
            List<String> needed = loaded.stream().distinct()
                    .filter(p -> !p.equals("/kiosk/sw.js") && !p.equals("/shared/sw-cache.js")).toList();
            System.out.println("kiosk page loaded " + needed.size() + " files; its offline cache holds " + cached.size());
            assertThat(needed).as("loaded by the page").contains("/kiosk/audio/en/service.opus", "/kiosk/audio/hi/done.opus");
            assertThat(cached).as("the kiosk's offline cache").containsAll(needed);

            proxy.cut();
            broken.clear();
            page.reload();
            page.waitForFunction("() => window.__kiosk && window.__kiosk.offlineReady()");
            assertThat(issueAndFinish()).startsWith(service + "-" + series);
            assertThat(broken.stream().filter(b -> !URI.create(b.substring(0, b.indexOf(' '))).getPath().startsWith("/api/")))
                    .as("requests that failed with the server gone, other than the API").isEmpty();
        }
    }

    /** From the start screen to the printed slip: the service, general category, no details. */
    private Locator issue() {
        start();
        long start = System.nanoTime();
        page.locator("[data-action=print]").click();
        Locator slip = page.getByTestId("slip");
        assertThat(slip).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(5000));
        lastIssueMillis = (System.nanoTime() - start) / 1_000_000;
        return slip;
    }

    private void start() {
        page.locator(".start-touch").click();
        page.locator("[data-service=" + service + "]").click();
        page.locator("[data-category=GENERAL]").click();
        page.locator(".btn-skip").click();
    }

    /** Issues one token and goes back to the start; returns the number on the slip. */
    private String issueAndFinish() {
        String number = issue().getByTestId("slip-number").textContent();
        finish();
        return number;
    }

    private void finish() {
        page.locator(".btn-done").click();
        assertThat(page.locator(".start-touch")).isVisible();
    }

    private int remaining() {
        return ((Number) page.evaluate("code => window.__kiosk.remaining(code)", service)).intValue();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> outbox() {
        List<Map<String, Object>> entries = (List<Map<String, Object>>) page.evaluate("window.__kiosk.outbox()");
        return entries.stream().map(e -> {
            Map<String, Object> item = new LinkedHashMap<>(e);
            item.remove("seq");
            return item;
        }).toList();
    }

    private static JsonPath callNext(long counter) {
        return Api.callNext(counter).then().statusCode(200).extract().jsonPath();
    }

    private List<String> waiting() {
        return given().get("/api/queues/" + service).then().statusCode(200).extract().path("waiting.number");
    }

    private static void waitFor(String what, Supplier<Boolean> condition) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!condition.get()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
