package org.ethnicunity.platform.registry.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.browser.Chromium;
import org.ethnicunity.platform.browser.Tasklist;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.UnitRepository;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A commission official in a real (headless) Chromium: logged in to Tasklist, opens 登记库 from its
 * header, filters the designations, downloads the export (read back), opens a designation and the
 * units list. Screenshots go to target/screenshots/ (registry-*.png; docs/images/ keeps copies).
 */
class RegistryBrowserTest extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired UnitRepository units;
    @Autowired DesignationRepository designations;

    @Test
    void fromTasklistToTheRegistryFilterExportAndOpenADesignation() throws Exception {
        Assumptions.assumeTrue(Chromium.available(), Chromium.MISSING);
        RegistrySeed.ensure(units, designations, this::member);
        member("rvcity", "commission-" + RegistrySeed.CITY);
        Files.createDirectories(Tasklist.SCREENSHOTS);
        try (Playwright playwright = Chromium.playwright(); Browser browser = Chromium.launch(playwright)) {
            new Tasklist(browser, port, engine).asUser("rvcity", "secret-rvcity", page -> steps(page));
        }
    }

    private void steps(Page page) {
        page.setViewportSize(1280, 800);
        var link = page.locator("li.registry-link a");
        assertThat(link).hasText("登记库");
        Tasklist.screenshot(page, "registry-tasklist-link.png");

        link.click();
        assertThat(page.locator("h1")).hasText("命名记录");
        assertThat(page.locator(".bar")).containsText("rvcity");
        assertThat(page.locator(".pager")).containsText("共 12 条");

        page.locator("select[name=level]").selectOption("CITY");
        page.locator("input[name=region]").fill("158121");
        page.locator("form.filters button").click();
        assertThat(page.locator(".pager")).containsText("共 2 条");
        assertThat(page.locator("table#designations tbody tr")).hasCount(2);
        assertThat(page.locator("table#designations tbody")).containsText("阿左旗第1学校");
        Tasklist.screenshot(page, "registry-designations.png");

        Download download = page.waitForDownload(() -> page.locator(".pager a.button").click());
        Path file = Tasklist.SCREENSHOTS.resolve("registry-designations.xlsx");
        download.saveAs(file);
        assertThat(download.suggestedFilename()).startsWith("命名记录-").endsWith(".xlsx");
        try {
            var rows = RegistryListTest.read(Files.readAllBytes(file));
            assertThat(rows).hasSize(3);
            assertThat(rows.get(1).getCellText(4)).isEqualTo("盟市级");
        } catch (Exception e) {
            throw new AssertionError("the downloaded export cannot be read", e);
        }

        var first = page.locator("table#designations tbody tr").first().locator("td").nth(1).locator("a");
        assertThat(first).hasText("阿左旗第2学校"); // newest named first: 2025-09-02
        first.click();
        assertThat(page.locator("h1")).hasText("阿左旗第2学校");
        assertThat(page.locator(".badge")).hasText("已命名");
        assertThat(page.locator("a", new Page.LocatorOptions().setHasText("下载档案（PDF）"))).isVisible();
        Tasklist.screenshot(page, "registry-designation.png");

        page.locator("nav.registry a", new Page.LocatorOptions().setHasText("创建单位")).click();
        assertThat(page.locator("h1")).hasText("创建单位");
        assertThat(page.locator(".pager")).containsText("共 10 条");
        Tasklist.screenshot(page, "registry-units.png");
    }
}
