package org.opdqueue.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * One headless Debian Chromium for all browser tests. Without the browser the tests are skipped on a
 * developer's machine, but fail under CI, where {@code .ci/run} installs it.
 */
public final class Browser {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("OPD_CHROMIUM", "/usr/bin/chromium"));

    private static Playwright playwright;
    private static com.microsoft.playwright.Browser browser;

    private Browser() {
    }

    public static synchronized com.microsoft.playwright.Browser get() {
        if (!Files.isExecutable(CHROMIUM)) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("Chromium not found at " + CHROMIUM + ": install it (apt-get install chromium)");
            }
            System.err.println("WARNING: browser tests skipped, no Chromium at " + CHROMIUM);
            Assumptions.abort("no Chromium at " + CHROMIUM);
        }
        if (browser == null) {
            // Under CI two cores run the server, the tests and Chromium together: a page can take more than
            // Playwright's default 5 s to show what it will show. A check still fails when it never shows.
            com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
            // Debian's Chromium is the browser: never download one (also when run outside Surefire, as the drills are)
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--disable-quic",
                            "--autoplay-policy=no-user-gesture-required")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                browser.close();
                playwright.close();
            }));
        }
        return browser;
    }

    /** A fresh context with a staff PC's screen (1280 × 900), for the console and the admin and registrar pages. */
    public static BrowserContext deskContext() {
        return get().newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1280, 900));
    }

    /** Fills in and sends the staff log-in form that the page was redirected to. */
    public static void logIn(Page page, String user, String password) {
        page.locator("#j_username").fill(user);
        page.locator("#j_password").fill(password);
        page.locator("main button[type=submit]").click();
        // the page the log-in leads to, with its scripts run: a click before a page's module took its form over
        // would send the form the plain way
        page.waitForURL(url -> !url.contains("/login") && !url.contains("/j_security_check"),
                new Page.WaitForURLOptions().setTimeout(30_000));
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
    }
}
