package org.ethnicunity.platform.publicnotice;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.browser.Chromium;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.nomination.NominationFixture;
import org.ethnicunity.platform.registry.Campaign;
import org.ethnicunity.platform.registry.CampaignRepository;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public notice page in a real (headless) Chromium, by somebody who never logs in: the units in
 * notice, the objection form filled and sent, the receipt number; the objection waits in the
 * commission's verification task. Screenshots (desktop and phone) go to target/screenshots/public-*.png.
 */
class PublicNoticeBrowserTest extends IntegrationTest {

    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    @LocalServerPort int port;
    @Autowired UnitRepository units;
    @Autowired CampaignRepository campaigns;
    @Autowired IndicatorSetRepository indicatorSets;

    @Test
    void somebodyWithoutAnAccountReadsTheNoticeAndFilesAnObjection() {
        Assumptions.assumeTrue(Chromium.available(), Chromium.MISSING);
        NominationFixture fixture = new NominationFixture(engine, units, campaigns, indicatorSets);
        Campaign campaign = fixture.openBannerCampaign(30);
        Unit first = fixture.newUnit("150525");
        ProcessInstance objected = inNotice(fixture, first, campaign);
        inNotice(fixture, fixture.newUnit("150525"), campaign);
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);

        try (Playwright playwright = Chromium.playwright(); Browser browser = Chromium.launch(playwright)) {
            Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1100, 900)
                    .setLocale("zh-CN")).newPage();
            page.navigate("http://127.0.0.1:" + port + "/public/notices");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(campaign.name())).click();
            assertThat(page.locator("h1")).containsText("拟命名单位公示");
            assertThat(page.locator("#units tbody tr")).hasCount(2);
            assertThat(page.locator("#units")).containsText(first.name());
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve("public-notice.png")));

            page.getByLabel("异议针对的公示单位").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(first.name()));
            page.getByLabel("异议人姓名（实名）").fill("王五");
            page.getByLabel("联系电话").fill("13912345678");
            page.getByLabel("电子邮箱（接收受理回执和核实结果）").fill("wangwu@objector.example");
            page.locator("#content").fill("该单位上报的民族团结进步活动照片系其他单位活动，请核实。");
            page.getByLabel("证据材料链接（可不填）").fill("https://evidence.example/photos");
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve("public-notice-objection.png")));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交实名异议")).click();

            assertThat(page.locator("h1")).hasText("异议已受理");
            assertThat(page.locator("#receipt")).containsText("GS");
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve("public-notice-receipt.png")));
            String receipt = page.locator("#receipt").innerText().trim();

            Task verification = engine.getTaskService().createTaskQuery().processInstanceId(objected.getId())
                    .taskDefinitionKey("VerifyObjection").singleResult();
            assertThat(engine.getTaskService().getVariable(verification.getId(), "objectionReceipt")).isEqualTo(receipt);
            assertThat(mailsTo("wangwu@objector.example")).singleElement()
                    .satisfies(mail -> assertThat(mail.text()).contains(receipt));

            page.setViewportSize(390, 844);
            page.navigate("http://127.0.0.1:" + port + "/public/notices/" + campaign.code());
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve("public-notice-phone.png")));
        }
    }

    private static ProcessInstance inNotice(NominationFixture fixture, Unit unit, Campaign campaign) {
        ProcessInstance instance = fixture.apply(unit, campaign);
        fixture.throughAssessment(instance, 18, 22, 18, 14, 13, 22);
        fixture.review(instance, "LeadingGroupApproval", "leader1", "approvalDecision", "APPROVE", "approvalComment", "");
        return instance;
    }
}
