package org.opdqueue.patient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
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
}
