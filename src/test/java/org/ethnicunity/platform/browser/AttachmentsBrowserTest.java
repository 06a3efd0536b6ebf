package org.ethnicunity.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ethnicunity.platform.TestClock;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.nomination.NominationFixture;
import org.ethnicunity.platform.registry.Campaign;
import org.ethnicunity.platform.registry.CampaignRepository;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A PDF attached to an application inside Tasklist: the unit's contact follows the link of the start
 * form, uploads the file, then submits the application; the preliminary reviewer follows the link
 * of their task's form and downloads it. Screenshots go to target/screenshots/attachments-*.png.
 */
class AttachmentsBrowserTest extends BrowserTest {

    private static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired UnitRepository units;
    @Autowired CampaignRepository campaigns;
    @Autowired IndicatorSetRepository indicatorSets;

    @Test
    void aUnitAttachesAPdfToItsApplicationAndTheReviewerOpensIt() {
        NominationFixture fixture = new NominationFixture(engine, units, campaigns, indicatorSets);
        Unit unit = fixture.newUnit("150525");
        Campaign campaign = fixture.newCampaign(org.ethnicunity.platform.registry.Level.BANNER, "150525", 30,
                TestClock.today().minusDays(30), TestClock.today().plusDays(30));

        tasklist.asUser(unit.contactUser(), fixture.passwordOf(unit), page -> {
            Tasklist.Form form = tasklist.openStartForm(page, "示范单位评选命名");
            Page files = follow(page, form.root.getByText("发起前上传附件文件"));
            files.setInputFiles("#file", new FilePayload("创建工作台账.pdf", "application/pdf", PDF));
            files.getByText("上传", new Page.GetByTextOptions().setExact(true)).click();
            PlaywrightAssertions.assertThat(files.locator("#files")).containsText("创建工作台账.pdf");
            Tasklist.screenshot(files, "attachments-upload.png");
            back(page, files);
            form.fillNumbers(18, 22, 18, 13, 13, 22).fillText("评选批次编号", campaign.code())
                    .fillText("创建工作情况", "开展铸牢中华民族共同体意识教育，组织民族团结进步宣传月活动。")
                    .fillText("附件材料", "见附件文件：创建工作台账.pdf");
            tasklist.start(page, form, "attachments-application.png");
        });
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(campaign.code() + "/" + unit.id()).singleResult();
        assertThat(instance).as("the application started").isNotNull();

        tasklist.asUser("prelim1", "demo", page -> {
            Tasklist.TaskForm form = tasklist.openTask(page, instance.getId(), "PreliminaryReview", "属地初审");
            Tasklist.screenshot(page, "attachments-review-task.png");
            Page files = follow(page, form.root.getByText("查看本流程的附件文件"));
            PlaywrightAssertions.assertThat(files.locator("h1")).hasText("附件材料：属地初审");
            Tasklist.screenshot(files, "attachments-review.png");
            Download download = files.waitForDownload(() -> files.getByText("创建工作台账.pdf").click());
            try {
                assertThat(Files.readAllBytes(download.path())).isEqualTo(PDF);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            assertThat(download.suggestedFilename()).isEqualTo("创建工作台账.pdf");
        });
    }

    /** Follows a link of a form: form-js may open it in a new tab or in Tasklist's own. */
    private static Page follow(Page page, Locator link) {
        Locator anchor = link.locator("xpath=ancestor-or-self::a").first();
        if ("_blank".equals(anchor.getAttribute("target"))) {
            return page.context().waitForPage(anchor::click);
        }
        anchor.click();
        page.waitForURL("**/attachments/**");
        return page;
    }

    /** Back to Tasklist's form: the new tab is closed, or the browser goes back. */
    private static void back(Page tasklist, Page files) {
        if (files != tasklist) {
            files.close();
            return;
        }
        List.of(1, 2).forEach(i -> {
            if (tasklist.url().contains("/attachments/")) {
                tasklist.goBack();
            }
        });
    }
}
