package org.opdqueue.abdm;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.opdqueue.support.Axe;
import org.opdqueue.support.Browser;
import org.opdqueue.support.DeskBrowserTest;
import org.opdqueue.support.Screens;
import org.opdqueue.support.TestHospital;

/** The Scan & Share admin page in real Chromium: settings saved field by field, the secret never shown back, QR codes a phone reads. */
@QuarkusTest
class AbdmAdminBrowserTest extends DeskBrowserTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    TestHospital hospital;

    @Inject
    GatewaySetUp setUp;

    @AfterEach
    void turnOff() {
        setUp.turnOff();
    }

    @Test
    void anAdminSetsUpScanAndShareAndPrintsCounterQrCodesThatOpenTheAbhaShareLink() {
        String service = hospital.service();
        page.navigate(base.resolve("/admin/abdm").toString());
        Browser.logIn(page, "admin", "admin123");
        page.waitForURL(base.resolve("/admin/abdm").toString());

        page.locator("#hipId").fill("");
        page.locator("#clientId").fill("");
        page.locator("#enabled").check();
        page.locator("main form button[type=submit]").click();
        assertThat(page.locator("#hipId-error")).containsText("Required to turn Scan & Share on");
        assertThat(page.locator("#clientId-error")).containsText("Required to turn Scan & Share on");

        page.locator("#hipId").fill(GatewaySetUp.HIP_ID);
        page.locator("#clientId").fill(GatewayDouble.CLIENT_ID);
        page.locator("#clientSecret").fill(GatewayDouble.CLIENT_SECRET);
        page.locator("main form button[type=submit]").click();
        assertThat(page.getByTestId("saved")).hasText("Saved.");
        assertThat(page.locator("#clientSecret")).hasValue("");
        assertThat(page.locator("label[for=clientSecret]")).containsText("saved; type a new one to replace it");
        assertThat(page.content()).doesNotContain(GatewayDouble.CLIENT_SECRET);
        assertThat(page.locator("#enabled")).isChecked();
        assertThat(page.getByTestId("bridge-url")).hasText(base.toString().replaceAll("/$", ""));

        assertThat(page.locator("body")).hasAttribute("data-ready", "true");
        Locator card = page.locator("[data-testid=counter-qr][data-service=" + service + "]");
        assertThat(card).containsText("Test service " + service);
        card.scrollIntoViewIfNeeded();
        assertThat(Screens.qrText(card.getByTestId("qr"))).isEqualTo(
                "https://phrsbx.abdm.gov.in/share-profile?hip-id=" + GatewaySetUp.HIP_ID + "&counter-id=" + service);
        assertThat(Axe.seriousOrCritical(page)).as("axe on the Scan & Share page").isEmpty();

        page.locator("#qr-title").scrollIntoViewIfNeeded();
        page.evaluate("document.getElementById('qr-title').scrollIntoView({block: 'start'})");
        Screens.keep(page, "abdm-counter-qr");

        page.emulateMedia(new com.microsoft.playwright.Page.EmulateMediaOptions()
                .setMedia(com.microsoft.playwright.options.Media.PRINT));
        assertThat(page.getByTestId("abdm-form")).isHidden();
        assertThat(card).isVisible();
    }
}
