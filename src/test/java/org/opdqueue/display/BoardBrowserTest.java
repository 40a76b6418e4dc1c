package org.opdqueue.display;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

import com.microsoft.playwright.options.BoundingBox;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.opdqueue.support.Api;
import org.opdqueue.support.Axe;
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
    final List<BrowserContext> contexts = new ArrayList<>();

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
        contexts.forEach(BrowserContext::close);
    }

    @Test
    void aCallAppearsOnTheBoardWithinASecondAndFlashes() {
        List<String> sockets = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.onWebSocket(socket -> sockets.add(socket.url()));
        page.navigate(base.resolve("/board/" + board + "?muted=1&device=" + BoardClient.DEMO_KEY).toString());
        assertThat(page.getByTestId("now-calling")).isVisible();
        page.waitForFunction("() => window.__board && window.__board.connected()");
        // the key went in the handshake's subprotocols (a key is required in tests): no address holds it
        org.assertj.core.api.Assertions.assertThat(sockets).isNotEmpty().noneMatch(url -> url.contains("device=") || url.contains("demo-board"));

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

    /** A PC with no speech voice at all, as the Chromium these tests run in. */
    private static final String NO_VOICES = "speechSynthesis.getVoices = () => [];";

    /** Every recorded clip the page plays, by path, ending at once as if it had been heard. */
    private static final String RECORD_CLIPS = """
            window.__played = [];
            HTMLMediaElement.prototype.play = function () {
              window.__played.push(new URL(this.src).pathname);
              setTimeout(() => this.dispatchEvent(new Event('ended')), 5);
              return Promise.resolve();
            };
            """;

    /** A browser that has not been allowed to play sound yet (the test browser is started with the autoplay flag). */
    private static final String SOUND_BLOCKED = """
            Object.defineProperty(AudioContext.prototype, 'state', { get: () => 'suspended' });
            AudioContext.prototype.resume = () => Promise.resolve();
            """;

    /** Font sizes (px) of each line's number and destination, and whether the line fits its box and the screen. */
    private static final String MEASURE_LINES = """
            () => [...document.querySelectorAll('[data-testid="now-calling"] .call')].map((line) => {
              const px = (selector) => parseFloat(getComputedStyle(line.querySelector(selector)).fontSize);
              const box = line.getBoundingClientRect();
              return { number: px('.number'), hi: px('.dest-hi'), en: px('.dest-en'), text: line.textContent,
                       fits: line.scrollWidth <= line.clientWidth + 1 && box.right <= innerWidth && box.bottom <= innerHeight,
                       viewport: innerHeight };
            })
            """;

    private long room(String name) {
        long id = hospital.openCounter(service);
        hospital.nameCounter(id, name);
        return id;
    }

    private Page open(int width, int height, String script, String query) {
        BrowserContext sized = Browser.get().newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(width, height));
        contexts.add(sized);
        if (script != null) {
            sized.addInitScript(script);
        }
        Page opened = sized.newPage();
        opened.navigate(base.resolve("/board/" + board + "?device=" + BoardClient.DEMO_KEY + query).toString());
        opened.waitForFunction("() => window.__board && window.__board.connected()");
        return opened;
    }

    @Test
    void eachCallIsOneLineWhereTheRoomIsAtLeastAsLargeAsTheNumberOnAWideAndAStandingScreen() {
        hospital.nameCounter(counter, "Room 1");
        // the sizes below are for a three-character prefix like the demo's MED; a longer or wider one makes
        // the lines smaller (they still fit), so the test's own varying code is not measured
        String prefix = hospital.fixedWidthPrefix(service, "M");
        long room12 = room("Room 12");
        List<Long> rooms = new ArrayList<>(List.of(counter, room12));
        for (int n = 3; n <= 7; n++) {
            rooms.add(room("Room " + n));
        }
        // a wide hall board with seven calls at once (two columns), a standing one with three
        long wide = hospital.board(List.of(service), rooms);
        long standing = hospital.board(List.of(service), rooms.subList(0, 3));
        Api.issue(service);
        String second = Api.issue(service).getString("number");
        org.assertj.core.api.Assertions.assertThat(second).startsWith(prefix + "-");
        for (long room : rooms) {
            Api.issue(service);
            Api.callNext(room).then().statusCode(200);
        }

        for (int[] screen : new int[][] { { 1920, 1080, (int) wide, 7 }, { 1080, 1920, (int) standing, 3 } }) {
            board = screen[2];
            Page board = open(screen[0], screen[1], null, "&muted=1");
            assertThat(board.getByTestId("tile-" + room12)).hasAttribute("data-number", second);
            assertEachCallFitsOnOneLine(board, screen[3], 0.05);
            assertThat(board.getByTestId("tile-" + room12)).containsText("कमरा 12");
            assertThat(board.getByTestId("tile-" + room12)).containsText("Room 12");
            // the recent calls say where to go in both languages too
            assertThat(board.getByTestId("recent-calls").locator("li[data-number='" + second + "']")).hasText(second + "→कमरा 12 · Room 12");
        }
    }

    @Test
    void aPrefixWiderThanAnyAnAdminCanSetStillFitsEachCallOnOneLineOfAStandingScreen() {
        // eight characters mostly of the widest capitals (the admin form takes five, the column holds eight):
        // smaller lines, none cut off
        String prefix = hospital.fixedWidthPrefix(service, "WMWMWM");
        hospital.nameCounter(counter, "Room 1");
        long room12 = room("Room 12");
        List<Long> rooms = List.of(counter, room12, room("Room 3"));
        board = hospital.board(List.of(service), rooms);
        for (long room : rooms) {
            Api.issue(service);
            Api.callNext(room).then().statusCode(200);
        }
        Page board = open(1080, 1920, null, "&muted=1");
        assertThat(board.getByTestId("tile-" + room12)).hasAttribute("data-number", java.util.regex.Pattern.compile("^" + prefix + "-"));
        for (Map<String, Object> line : assertEachCallFitsOnOneLine(board, 3, 0)) {
            org.assertj.core.api.Assertions.assertThat((String) line.get("text")).startsWith(prefix + "-");
        }
    }

    /**
     * Once the banner is gone, the board shows {@code calls} lines, each inside the screen, where to go in Hindi and
     * English at least as large as the number and at least {@code shareOfHeight} of the screen's height; returns
     * the lines as measured.
     */
    private static List<Map<String, Object>> assertEachCallFitsOnOneLine(Page board, int calls, double shareOfHeight) {
        assertThat(board.getByTestId("call-banner")).isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(10_000));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) board.evaluate(MEASURE_LINES);
        String where = board.viewportSize().width + "x" + board.viewportSize().height + " " + lines;
        org.assertj.core.api.Assertions.assertThat(lines).as(where).hasSize(calls);
        for (Map<String, Object> line : lines) {
            double number = ((Number) line.get("number")).doubleValue();
            double viewport = ((Number) line.get("viewport")).doubleValue();
            for (String part : new String[] { "hi", "en" }) {
                double destination = ((Number) line.get(part)).doubleValue();
                org.assertj.core.api.Assertions.assertThat(destination).as(where).isGreaterThanOrEqualTo(number)
                        .isGreaterThanOrEqualTo(shareOfHeight * viewport);
            }
            org.assertj.core.api.Assertions.assertThat((Boolean) line.get("fits")).as(where).isTrue();
        }
        return lines;
    }

    @Test
    void aCounterWithItsOwnHindiNameIsShownByItOnTheTileAndTheRecentCalls() {
        // "Cabin" is no word the board translates: without the server's Hindi name the line would be English only
        hospital.nameCounter(counter, "Cabin 7", "कमरा 7");
        Page board = open(1920, 1080, null, "&muted=1");
        String number = Api.issue(service).getString("number");
        Api.callNext(counter).then().statusCode(200);

        assertThat(board.getByTestId("tile-" + counter)).containsText("कमरा 7");
        assertThat(board.getByTestId("tile-" + counter)).containsText("Cabin 7");
        assertThat(board.getByTestId("recent-calls").locator("li[data-number='" + number + "']"))
                .hasText(number + "→कमरा 7 · Cabin 7");

        // and from the snapshot a board reads when it (re)connects
        board.reload();
        board.waitForFunction("() => window.__board && window.__board.connected()");
        assertThat(board.getByTestId("tile-" + counter)).containsText("कमरा 7 · Cabin 7");
        assertThat(board.getByTestId("recent-calls").locator("li[data-number='" + number + "']"))
                .hasText(number + "→कमरा 7 · Cabin 7");
    }

    @Test
    void ofTwoCallsAMomentApartOnlyTheNewerFlashesAndTheBannerShowsIt() {
        long room2 = room("Room 2");
        board = hospital.board(List.of(service), List.of(counter, room2));
        Page board = open(1920, 1080, null, "&muted=1");
        Api.issue(service);
        String second = Api.issue(service).getString("number");
        Api.callNext(counter).then().statusCode(200);
        Api.callNext(room2).then().statusCode(200);

        Locator banner = board.getByTestId("call-banner");
        assertThat(board.getByTestId("tile-" + room2)).hasAttribute("data-number", second);
        assertThat(banner).isVisible();
        assertThat(banner).hasAttribute("data-number", second);
        assertThat(banner).containsText("Now calling");
        assertThat(banner).containsText("अब बुलाया जा रहा है");
        assertThat(banner).containsText("कमरा 2 · Room 2");
        assertThat(board.getByTestId("tile-" + room2)).hasClass(Pattern.compile("\\bflash\\b"));
        assertThat(board.getByTestId("tile-" + counter)).not().hasClass(Pattern.compile("\\bflash\\b"));
        assertThat(banner).isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(10_000));
    }

    @Test
    void beforeTheFirstCallTheBoardTellsPatientsWhatToWatchAndStaffWhatItCannotSay() {
        Page board = open(1920, 1080, NO_VOICES + SOUND_BLOCKED, "&muted=0");
        List<String> missing = new ArrayList<>();
        board.onResponse(response -> {
            if (response.status() >= 400) {
                missing.add(response.status() + " " + response.url());
            }
        });
        board.reload();
        board.waitForFunction("() => window.__board && window.__board.connected()");

        assertThat(board.getByTestId("empty-state")).isVisible();
        assertThat(board.getByTestId("empty-state")).containsText("When your token number appears, go to the room");
        assertThat(board.getByTestId("empty-state")).containsText("जब आपका टोकन नंबर दिखे");
        // honest about sound: no "Sound on" while the browser still waits for a click
        assertThat(board.getByTestId("sound-gate")).isVisible();
        assertThat(board.getByTestId("mute-toggle")).not().containsText("Sound on");
        assertThat(board.getByTestId("mute-toggle")).containsText("Sound off");
        BoundingBox gate = board.getByTestId("sound-gate").boundingBox();
        BoundingBox ticker = board.getByTestId("ticker").boundingBox();
        org.assertj.core.api.Assertions.assertThat(gate.x).as("the prompt sits beside the ticker, not on it")
                .isGreaterThanOrEqualTo(ticker.x + ticker.width - 1);
        assertThat(board.getByTestId("voice-warning")).isVisible();
        assertThat(board.getByTestId("voice-warning")).containsText("no English and Hindi voice on this PC");
        assertThat(board.getByTestId("voice-warning")).containsText("recorded announcements");

        org.assertj.core.api.Assertions.assertThat(Axe.seriousOrCritical(board)).as("axe: serious or critical").isEmpty();
        org.assertj.core.api.Assertions.assertThat(missing).as("nothing the board asks for is missing (icon included)").isEmpty();
    }

    @Test
    void withoutSpeechVoicesTheCallIsPlayedFromTheRecordings() {
        hospital.nameCounter(counter, "Room 3");
        Page board = open(1920, 1080, NO_VOICES + RECORD_CLIPS, "&muted=0");
        String number = Api.issue(service).getString("number");
        Api.callNext(counter).then().statusCode(200);

        board.waitForFunction("() => window.__played.some((clip) => clip.endsWith('/hi/go.opus'))");
        @SuppressWarnings("unchecked")
        List<String> played = (List<String>) board.evaluate("() => window.__played");
        List<String> expected = new ArrayList<>();
        List<String> token = new ArrayList<>();
        // "TDC0-001": letters one by one, each run of digits as a number ("0", then "1"); a test service's code can
        // hold a number over 99 ("T737"), said as "seven hundred thirty-seven" from the clips there are
        java.util.regex.Matcher part = Pattern.compile("[A-Za-z]+|\\d+").matcher(number);
        while (part.find()) {
            if (Character.isDigit(part.group().charAt(0))) {
                token.addAll(numberClips(Integer.parseInt(part.group())));
            } else {
                part.group().toLowerCase().chars().forEach(letter -> token.add("letter-" + (char) letter));
            }
        }
        expected.add("/board/audio/en/token-number.opus");
        token.forEach(clip -> expected.add("/board/audio/en/" + clip + ".opus"));
        List.of("please-go-to", "room", "n3").forEach(clip -> expected.add("/board/audio/en/" + clip + ".opus"));
        expected.add("/board/audio/hi/token-number.opus");
        token.forEach(clip -> expected.add("/board/audio/hi/" + clip + ".opus"));
        List.of("please", "room", "n3", "go").forEach(clip -> expected.add("/board/audio/hi/" + clip + ".opus"));
        org.assertj.core.api.Assertions.assertThat(played).isEqualTo(expected);
        for (String clip : played) {
            io.restassured.RestAssured.given().get(clip).then().statusCode(200);
        }
    }

    /** As clips.js says a number: 0-99 has a clip each, 100-999 is "n hundred n", longer ones digit by digit. */
    private static List<String> numberClips(int n) {
        if (n < 100) {
            return List.of("n" + n);
        }
        if (n < 1000) {
            List<String> clips = new ArrayList<>(List.of("n" + n / 100, "hundred"));
            if (n % 100 > 0) {
                clips.add("n" + n % 100);
            }
            return clips;
        }
        return String.valueOf(n).chars().mapToObj(d -> "n" + (char) d).toList();
    }

    @Test
    void theRecordedClipsAreSoundChromiumCanPlay() {
        Page board = open(1920, 1080, null, "&muted=1");
        for (String clip : List.of("/board/audio/en/token-number.opus", "/board/audio/hi/n63.opus", "/board/audio/hi/go.opus")) {
            double seconds = ((Number) board.evaluate("""
                    (src) => new Promise((resolve, reject) => {
                      const audio = new Audio(src);
                      audio.oncanplaythrough = () => resolve(audio.duration);
                      audio.onerror = () => reject(new Error(src + ': ' + audio.error.message));
                      audio.load();
                    })""", clip)).doubleValue();
            org.assertj.core.api.Assertions.assertThat(seconds).as(clip).isBetween(0.2, 3.0);
        }
    }

    @Test
    void theBoardWithCallsHasNoSeriousAccessibilityViolations() {
        hospital.nameCounter(counter, "Room 5");
        Api.issue(service);
        Api.callNext(counter).then().statusCode(200);
        Page board = open(1920, 1080, null, "&muted=1");
        assertThat(board.getByTestId("tile-" + counter)).isVisible();
        org.assertj.core.api.Assertions.assertThat(Axe.seriousOrCritical(board)).as("axe: serious or critical").isEmpty();
    }
}
