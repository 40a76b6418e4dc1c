package org.opdqueue.paper;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.opdqueue.support.Browser;
import org.opdqueue.support.Screens;
import org.opdqueue.support.TestHospital;

/** The printable paper book in real Chromium: every slip's QR code reads back as its number, five slips an A4 sheet. */
@QuarkusTest
class PaperPrintBrowserTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    TestHospital hospital;

    BrowserContext context;
    Page page;

    @BeforeEach
    void openBrowser() {
        // Two device pixels per CSS pixel: still far coarser than a 300 dpi printer, and ZXing misses some QR codes
        // drawn at 1 mm a module at screen resolution.
        context = Browser.get().newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1280, 1000)
                .setDeviceScaleFactor(2));
        page = context.newPage();
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void aBookOf100PrintsAsTwentyA4SheetsOfSlipsWithReadableQrCodes() {
        String service = hospital.service();
        long book = PaperApi.reserve(service, 100).then().statusCode(201).extract().jsonPath().getLong("id");
        logIn("/admin/paper-books/" + book + "/print");
        assertThat(page.locator("body")).hasAttribute("data-ready", "true");
        assertThat(page.locator("#print")).isEnabled();

        Locator slips = page.getByTestId("slip");
        assertThat(slips).hasCount(100);
        assertThat(page.getByTestId("sheet")).hasCount(20);
        assertThat(slips.first().locator(".service")).hasText("Test service " + service + " / परीक्षण सेवा " + service);
        @SuppressWarnings("unchecked")
        List<String> numbers = (List<String>) slips.evaluateAll("all => all.map(s => s.dataset.number)");
        for (int i = 0; i < 100; i++) {
            String expected = String.format("%s-P%04d", service, i + 1);
            assertThat(numbers.get(i)).isEqualTo(expected);
            Locator slip = slips.nth(i);
            assertThat(slip.getByTestId("slip-number")).hasText(expected);
            if (i % 5 == 0) {
                // one sheet at a time on screen: Chromium paints pictures of elements ~18,000 px down a 22,000 px
                // page unreliably (slip 86 of 100 failed there), which says nothing about the printed page
                showOnlySheet(i / 5);
            }
            assertThat(Screens.qrText(slip.getByTestId("slip-qr"))).as("QR of slip " + expected).isEqualTo(expected);
        }
        showOnlySheet(-1);
        assertThat(Screens.qrText(slips.nth(57).getByTestId("counterfoil-qr"))).as("the counterfoil's QR").isEqualTo(numbers.get(57));
        Screens.keep(page, "paper-book-print");

        byte[] pdf = page.pdf(new Page.PdfOptions().setPreferCSSPageSize(true));
        assertThat(pages(pdf)).as("A4 pages in the printed PDF").isEqualTo(20);
    }

    /** Hides every sheet but the given one (-1: shows them all again). */
    private void showOnlySheet(int sheet) {
        page.getByTestId("sheet").evaluateAll("(all, only) => all.forEach((s, i) => s.style.display = "
                + "only < 0 || i === only ? '' : 'none')", sheet);
    }

    /** Page objects in a PDF as Chromium writes it (uncompressed object dictionaries). */
    private static int pages(byte[] pdf) {
        Matcher m = Pattern.compile("/Type\\s*/Page[^s]").matcher(new String(pdf, StandardCharsets.ISO_8859_1));
        int count = 0;
        while (m.find()) {
            count++;
        }
        return count;
    }

    private void logIn(String path) {
        page.navigate(base.resolve(path).toString());
        Browser.logIn(page, "admin", "admin123");
        page.waitForURL(base.resolve(path).toString());
    }
}
