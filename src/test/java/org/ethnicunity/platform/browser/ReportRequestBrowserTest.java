package org.ethnicunity.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ethnicunity.platform.TestClock;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.nomination.NominationFixture;
import org.ethnicunity.platform.registry.CampaignRepository;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A report request (工作报送) worked in Camunda Tasklist: the unit reads the instructions and
 * reports, 奈曼旗's commission returns it with a reason, the unit sees the reason on the same form
 * and reports again, the commission accepts. Screenshots: target/screenshots/rr-*.png.
 */
class ReportRequestBrowserTest extends BrowserTest {

    private static final String INSTRUCTIONS = "请总结本单位民族团结进步活动月开展情况。";

    @Autowired UnitRepository units;
    @Autowired CampaignRepository campaigns;
    @Autowired IndicatorSetRepository indicatorSets;
    @Autowired JdbcClient jdbc;

    @Test
    void aReportIsSubmittedReturnedRevisedAndAcceptedInTasklist() {
        NominationFixture fixture = new NominationFixture(engine, units, campaigns, indicatorSets);
        Unit unit = fixture.newUnit("150525");
        String password = fixture.passwordOf(unit);
        long launchId = 7_000_000L + System.nanoTime() % 1_000_000;
        ProcessInstance instance = startAsTheLauncher(launchId, unit);
        // Two more units of the request, for the page: one has reported (awaiting review), one not yet.
        Unit reported = fixture.newUnit("150525");
        fixture.complete(startAsTheLauncher(launchId, reported), "SubmitReport", reported.contactUser(),
                Map.of("reportText", "组织民族团结主题班会 12 次，师生 1,500 人参加。"));
        startAsTheLauncher(launchId, fixture.newUnit("150525"));
        String submitName = "报送：活动月总结（" + unit.name() + "）";

        tasklist.asUser(unit.contactUser(), password, page -> {
            Tasklist.TaskForm form = tasklist.openTask(page, instance.getId(), "SubmitReport", submitName);
            PlaywrightAssertions.assertThat(form.field("报送要求")).hasValue(INSTRUCTIONS);
            PlaywrightAssertions.assertThat(form.field("截止日期")).hasValue(TestClock.today().plusDays(10).toString());
            assertThat(form.root.getByLabel("退回修改理由").count()).as("nothing returned yet").isZero();
            form.fillText("报送内容", "开展活动 5 场。").fillText("附件链接或存放位置", "https://pan.example/rr")
                    .complete("rr-01-submit.png");
        });
        tasklist.asUser("commission1", "demo", page -> {
            Tasklist.TaskForm form = tasklist.openTask(page, instance.getId(), "ReviewReport", "审阅报送：活动月总结（" + unit.name() + "）");
            PlaywrightAssertions.assertThat(form.field("报送内容")).hasValue("开展活动 5 场。");
            PlaywrightAssertions.assertThat(form.field("是否按时")).hasValue("按时报送");
            PlaywrightAssertions.assertThat(form.field("汇总页面（全部报送方的报送情况）"))
                    .hasValue("http://localhost:8080/report-requests/" + launchId);
            form.choose("退回修改").fillText("审阅意见", "请补充参与人数。").complete("rr-02-return.png");
        });
        tasklist.asUser(unit.contactUser(), password, page -> {
            Tasklist.TaskForm form = tasklist.openTask(page, instance.getId(), "SubmitReport", submitName);
            PlaywrightAssertions.assertThat(form.field("退回修改理由")).hasValue("请补充参与人数。");
            PlaywrightAssertions.assertThat(form.field("报送内容")).hasValue("开展活动 5 场。");
            form.fillText("报送内容", "开展活动 5 场，参与 800 人。").complete("rr-03-resubmit.png");
        });
        tasklist.asUser("commission1", "demo", page -> {
            tasklist.openTask(page, instance.getId(), "ReviewReport", "审阅报送：活动月总结（" + unit.name() + "）")
                    .choose("采用").complete("rr-04-accept.png");
            // The page the review form names, in the same login as Tasklist.
            page.navigate("http://localhost:" + port + "/report-requests/" + launchId);
            PlaywrightAssertions.assertThat(page.locator("h1")).hasText("活动月总结");
            PlaywrightAssertions.assertThat(page.locator("section.entry", new com.microsoft.playwright.Page.LocatorOptions().setHasText(unit.name())))
                    .containsText("开展活动 5 场，参与 800 人。");
            PlaywrightAssertions.assertThat(page.locator(".counts")).containsText("应报送3");
            page.locator("main").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                    .setPath(Tasklist.SCREENSHOTS.resolve("rr-05-overview.png")));
        });

        assertThat(jdbc.sql("SELECT status || '/' || report_text FROM registry.report_submission WHERE process_instance_id = ?")
                .param(instance.getId()).query(String.class).single()).isEqualTo("ACCEPTED/开展活动 5 场，参与 800 人。");
    }

    /** As the launcher starts a member: the unit's payload and the launch's variables, nobody logged in. */
    private ProcessInstance startAsTheLauncher(long launchId, Unit unit) {
        Map<String, Object> variables = new HashMap<>();
        variables.putAll(Map.of("launchId", launchId, "launchTitle", "活动月总结", "launchKind", "REPORT_REQUEST",
                "requesterRegionCode", "150525", "launchedBy", "commission1",
                "reportDueDate", TestClock.today().plusDays(10).toString(), "instructions", INSTRUCTIONS));
        variables.putAll(Map.of("memberKey", "unit:" + unit.id(), "memberType", "UNIT", "unitId", unit.id(),
                "memberName", unit.name(), "unitContact", unit.contactUser(), "contactName", unit.contactName(),
                "contactEmail", unit.contactEmail(), "regionCode", unit.regionCode()));
        variables.put("candidateGroup", null);
        engine.getIdentityService().clearAuthentication();
        return engine.getRuntimeService().startProcessInstanceByKey("report-request",
                "launch-" + launchId + ":unit:" + unit.id(), variables);
    }
}
