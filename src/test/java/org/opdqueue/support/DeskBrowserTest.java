package org.opdqueue.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/** A browser test of the staff pages: each test gets a fresh page in a staff PC's browser context. */
public abstract class DeskBrowserTest {

    protected BrowserContext context;
    protected Page page;

    @BeforeEach
    void openBrowser() {
        context = Browser.deskContext();
        page = context.newPage();
    }

    @AfterEach
    void closeBrowser() {
        if (context != null) {
            context.close(); // none without Chromium: the test was skipped
        }
    }
}
