package org.ethnicunity.platform.registry;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.browser.Chromium;
import org.ethnicunity.platform.TestClock;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The link of a naming mail opened in a real (headless) Chromium: the page's own login form logs in
 * through Camunda's endpoint (a wrong password is told in Chinese), then the page shows the
 * designation. Screenshots (desktop and phone width) go to target/screenshots/.
 */
class DesignationPageBrowserTest extends IntegrationTest {

    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    @LocalServerPort int port;
    @Autowired UnitRepository units;
    @Autowired CampaignRepository campaigns;
    @Autowired DesignationRepository designations;
    @Autowired IndicatorSetRepository indicatorSets;

    @AfterEach
    void resetClock() {
        if (clockPinned) {
            TestClock.pin();
        }
    }

    private boolean clockPinned;

    @Test
    void theMailLinkAsksForTheLoginThenShowsTheDesignation() throws Exception {
        Assumptions.assumeTrue(Chromium.available(), Chromium.MISSING);
        NamedThroughTheProcess nomination = new NamedThroughTheProcess(engine, units, campaigns, designations,
                indicatorSets);
        Unit unit = nomination.newUnit("baxiantong", "吴敏", "奈曼旗八仙筒镇中心学校", UnitType.SCHOOL);
        clockPinned = true;
        Designation named = nomination.named(unit, "奈民创办发〔2026〕7号");
        NamedThroughTheProcess.at("2026-03-18T09:00");
        String link = "http://127.0.0.1:" + port + "/registry/designations/" + named.id();
        Files.createDirectories(SCREENSHOTS);
        // A busy build machine answers the first requests slowly; a person would wait too.
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);

        try (Playwright playwright = Chromium.playwright(); Browser browser = Chromium.launch(playwright)) {
            Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(900, 700)
                    .setLocale("zh-CN")).newPage();
            page.navigate(link);
            assertThat(page.locator("h1")).hasText("请先登录");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("designation-login.png")));

            page.getByLabel("用户名").fill(unit.contactUser());
            page.getByLabel("密码").fill("wrong");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
            assertThat(page.locator("#login-error")).hasText("用户名或密码错误");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("designation-login-failed.png")));
            // Camunda locks the user for a few seconds after a failed login, on the engine's clock.
            NamedThroughTheProcess.at("2026-03-18T09:01");

            page.getByLabel("密码").fill(NamedThroughTheProcess.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
            assertThat(page.locator("h1")).hasText("奈曼旗八仙筒镇中心学校");
            assertThat(page).hasURL(link);
            assertThat(page.locator(".badge")).hasText("已命名");
            assertThat(page.locator("ol.history li")).hasCount(4);
            assertThat(page.locator("dl.facts")).containsText("奈民创办发〔2026〕7号");
            assertThat(page.locator("ol.history li").last()).containsText("已命名");
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve("designation-page.png")));

            page.setViewportSize(390, 844);
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve("designation-page-phone.png")));
        }
    }
}
