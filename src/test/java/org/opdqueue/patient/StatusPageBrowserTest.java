package org.opdqueue.patient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
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
import io.restassured.path.json.JsonPath;

import org.opdqueue.support.Api;
import org.opdqueue.support.Axe;
import org.opdqueue.support.Browser;
import org.opdqueue.support.Screens;
import org.opdqueue.support.TestHospital;

/** The patient's phone, in real Chromium: the status page follows the token without a reload. */
@QuarkusTest
class StatusPageBrowserTest {

    private static final LocatorAssertions.ContainsTextOptions SOON = new LocatorAssertions.ContainsTextOptions().setTimeout(8000);

    @TestHTTPResource("/")
    URI base;

    @Inject
    TestHospital hospital;

    BrowserContext context;
    Page page;

    @BeforeEach
    void openPhone() {
        context = Browser.get().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(390, 844).setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true));
        page = context.newPage();
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void theStatusPageChangesWhenTheTokenIsCalled() {
        String service = hospital.service();
        long counter = hospital.openCounter(service);
        Api.issue(service);
        JsonPath mine = Api.issue(service);
        page.navigate(base.resolve("/t/" + mine.getString("code")).toString());

        assertThat(page.getByTestId("status-number")).hasText(service + "-002");
        assertThat(page.getByTestId("status-state")).containsText("Waiting");
        assertThat(page.getByTestId("status-state")).containsText("प्रतीक्षा में");
        assertThat(page.getByTestId("status-ahead")).hasText("1");
        Screens.keep(page, "status-waiting");

        Api.act(Api.id(Api.callNextAndGet(counter)), "complete").then().statusCode(200);
        assertThat(page.getByTestId("status-ahead")).hasText("0", new LocatorAssertions.HasTextOptions().setTimeout(8000));

        Api.callNext(counter).then().statusCode(200);
        assertThat(page.getByTestId("status-state")).containsText("Called: please go to Test counter", SOON);
        assertThat(page.getByTestId("status-state")).containsText("पर जाएँ");
        assertThat(page.getByTestId("status-figures")).isHidden();
        assertThat(page.getByTestId("status-now-calling")).containsText(service + "-002");
        Screens.keep(page, "status-called");
    }

    @Test
    void theStatusPageHasNoSeriousAccessibilityViolations() {
        String service = hospital.service();
        JsonPath mine = Api.issue(service);
        page.navigate(base.resolve("/t/" + mine.getString("code")).toString());
        assertThat(page.getByTestId("status-number")).hasText(mine.getString("number"));

        List<Axe.Violation> violations = Axe.seriousOrCritical(page);
        org.assertj.core.api.Assertions.assertThat(violations).as("axe: serious or critical").isEmpty();
    }

    @Test
    void anUnknownCodeShowsAFriendlyPage() {
        page.navigate(base.resolve("/t/ThisIsNotAToken99").toString());
        assertThat(page.getByTestId("status-not-found")).containsText("Token not found");
    }

    /** What a phone offers, recorded: vibration, notifications (granted once asked), and each tone played. */
    private static final String PHONE = """
            window.__vibrations = [];
            navigator.vibrate = (pattern) => { window.__vibrations.push(pattern); return true; };
            window.__notifications = [];
            window.Notification = class {
              static permission = 'default';
              static requestPermission() { Notification.permission = 'granted'; return Promise.resolve('granted'); }
              constructor(title) { window.__notifications.push(title); }
            };
            window.__tones = 0;
            const oscillator = AudioContext.prototype.createOscillator;
            AudioContext.prototype.createOscillator = function () { window.__tones++; return oscillator.call(this); };
            """;

    private int count(String expression) {
        return ((Number) page.evaluate("() => " + expression)).intValue();
    }

    @Test
    void thePhoneVibratesSoundsRetitlesAndNotifiesOnceWhenTheTokenIsCalled() {
        context.addInitScript(PHONE);
        List<String> failed = new ArrayList<>();
        page.onResponse(response -> {
            if (response.status() >= 400) {
                failed.add(response.status() + " " + response.url());
            }
        });
        String service = hospital.service();
        long counter = hospital.openCounter(service);
        Api.issue(service);
        JsonPath token = Api.issue(service);
        String mine = token.getString("number");
        page.navigate(base.resolve("/t/" + token.getString("code")).toString());
        Api.act(Api.id(Api.callNextAndGet(counter)), "complete").then().statusCode(200);

        assertThat(page.locator("h1")).containsText(mine);
        // one live region, the status line, and the time that changes every few seconds is not in it
        Locator live = page.locator("[aria-live], [role=status], [role=alert], [role=log]");
        assertThat(live).hasCount(1);
        assertThat(live).hasAttribute("data-testid", "status-state");
        assertThat(live.getByTestId("status-updated")).hasCount(0);

        page.getByTestId("status-alerts").click();
        assertThat(page.getByTestId("status-alerts")).hasAttribute("aria-pressed", "true");
        assertThat(page.getByTestId("status-alerts")).containsText("Alerts on");
        int tonesOnTap = count("window.__tones");
        org.assertj.core.api.Assertions.assertThat(tonesOnTap).as("the tap plays a tone").isPositive();
        org.assertj.core.api.Assertions.assertThat(count("window.__vibrations.length")).isZero();

        Api.callNext(counter).then().statusCode(200);
        assertThat(live).containsText("Called: please go to", SOON);
        assertThat(page).hasTitle(Pattern.compile("^Called: " + mine + " → .+ · बुलाया गया$"));
        assertThat(page.locator("link[rel=icon]")).hasAttribute("href", "/favicon-called.svg");
        org.assertj.core.api.Assertions.assertThat(count("window.__vibrations.length")).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(count("window.__notifications.length")).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat((String) page.evaluate("() => window.__notifications[0]")).contains(mine);
        org.assertj.core.api.Assertions.assertThat(count("window.__tones")).isGreaterThan(tonesOnTap);

        // the next answers say CALLED again: no second alert
        page.waitForTimeout(3500);
        org.assertj.core.api.Assertions.assertThat(count("window.__vibrations.length")).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(failed).as("nothing the page asks for is missing (icons included)").isEmpty();
    }
}
