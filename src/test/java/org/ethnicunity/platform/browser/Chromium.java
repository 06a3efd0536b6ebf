package org.ethnicunity.platform.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium for the browser tests, driven by Playwright without a browser download. Where it
 * is missing, a browser test is reported as skipped with {@link #MISSING}; in CI ({@code CI=true})
 * a missing Chromium fails the build instead, so a machine that never ran the browser tests cannot
 * look the same as one that passed them.
 */
public final class Chromium {

    public static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
    public static final String MISSING = "Chromium is not installed at " + EXECUTABLE
            + " (apt-get install chromium); the browser test is skipped";

    private Chromium() {
    }

    /** Whether the browser tests can run here; throws in CI when they cannot. */
    public static boolean available() {
        if (Files.isExecutable(EXECUTABLE)) {
            return true;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but Chromium is not installed at " + EXECUTABLE
                    + ": .ci/run installs it; the browser tests must run in CI");
        }
        return false;
    }

    public static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    /** Headless, as root, with nothing reaching out to the network but the application under test. */
    public static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }
}
