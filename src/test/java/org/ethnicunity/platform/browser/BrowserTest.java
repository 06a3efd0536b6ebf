package org.ethnicunity.platform.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;
import org.ethnicunity.platform.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the Tasklist walk-throughs: Debian's Chromium for the test class, a {@link Tasklist} for
 * each test. Reported as skipped without Chromium, a failure in CI (see {@link Chromium}).
 */
abstract class BrowserTest extends IntegrationTest {

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort protected int port;
    protected Tasklist tasklist;

    @BeforeAll
    static void launchChromium() {
        if (Chromium.available()) {
            playwright = Chromium.playwright();
            browser = Chromium.launch(playwright);
        }
    }

    @BeforeEach
    void requireChromium() {
        Assumptions.assumeTrue(browser != null, Chromium.MISSING);
        tasklist = new Tasklist(browser, port, engine);
    }

    @AfterAll
    static void closeChromium() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }
}
