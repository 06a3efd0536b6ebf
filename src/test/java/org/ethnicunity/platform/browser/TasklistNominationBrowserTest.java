package org.ethnicunity.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.nomination.NominationFixture;
import org.ethnicunity.platform.registry.CampaignRepository;
import org.ethnicunity.platform.registry.Designation;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One application walked from the start form to NAMED entirely in Camunda Tasklist, as the people
 * of region 150525 do it: every form is rendered by Tasklist's form-js, filled and submitted in a
 * real (headless) Chromium. It catches what the Java and REST tests cannot: a Camunda Form that the
 * engine accepts but Tasklist cannot render or submit. Only the public-notice timer is fired through
 * the Java API. A full-page screenshot of every filled form is written to target/screenshots/.
 */
class TasklistNominationBrowserTest extends BrowserTest {

    private static final String DEMO_PASSWORD = "demo";
    private static final String[] VETOES = {"一票否决：发生涉及民族因素的群体性事件", "一票否决：申报材料弄虚作假",
            "一票否决：领导班子成员严重违法违纪"};
    private static final String DOCUMENT_NUMBER = "奈民创办发〔2026〕9号";

    @Autowired UnitRepository units;
    @Autowired CampaignRepository campaigns;
    @Autowired IndicatorSetRepository indicatorSets;
    @Autowired DesignationRepository designations;
    @Autowired BusinessClock clock;

    @Test
    void anApplicationIsNamedEntirelyThroughTasklist() {
        // A unit of its own (the demo unit1 may already have applied in another test of this context).
        NominationFixture fixture = new NominationFixture(engine, units, campaigns, indicatorSets);
        Unit unit = fixture.newUnit("150525");
        String campaignCode = clock.today().getYear() + "-BANNER-150525";

        tasklist.asUser(unit.contactUser(), fixture.passwordOf(unit), page -> startApplication(page, campaignCode));
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(campaignCode + "/" + unit.id()).singleResult();
        assertThat(instance).as("the application started in Tasklist").isNotNull();
        String id = instance.getId();

        tasklist.asUser("prelim1", DEMO_PASSWORD, page -> {
            Tasklist.TaskForm form = tasklist.openTask(page, id, "PreliminaryReview", "属地初审");
            form.choose("通过初审").fillText("审核意见", "材料齐全，同意报送民委审核。");
            form.complete("02-preliminary-review.png");
        });

        tasklist.asUser("commission1", DEMO_PASSWORD, page -> {
            Tasklist.TaskForm form = tasklist.openTask(page, id, "CommissionReview", "民委材料审核");
            form.choose("审核通过，进入实地测评").fillText("审核意见", "符合申报条件。");
            form.complete("03-commission-review.png");
        });

        List<String> assessors = List.of("assessor1", "assessor2");
        for (int i = 0; i < assessors.size(); i++) {
            String assessor = assessors.get(i);
            String screenshotName = "0" + (4 + i) + "-site-assessment-" + assessor + ".png";
            tasklist.asUser(assessor, DEMO_PASSWORD, page -> {
                Tasklist.TaskForm form = tasklist.openTask(page, id, "SiteAssessment", "实地测评打分");
                form.fillNumbers(19, 23, 18, 14, 13, 24).fillText("测评意见", "实地查看了创建活动阵地，查阅了活动台账。");
                for (String veto : VETOES) {
                    PlaywrightAssertions.assertThat(form.field(veto)).not().isChecked();
                }
                form.complete(screenshotName);
            });
        }
        assertThat(engine.getRuntimeService().getVariable(id, "siteTotal")).isEqualTo(111.0);

        tasklist.asUser("leader1", DEMO_PASSWORD, page -> {
            Tasklist.TaskForm form = tasklist.openTask(page, id, "LeadingGroupApproval", "领导小组审批");
            form.choose("批准，进入公示").fillText("审批意见", "同意，进入公示。");
            form.complete("06-approval.png");
        });

        firePublicNoticeTimer(id);

        // 批量命名发文: the commission names the campaign's list, this application with it, by one decision.
        tasklist.asUser("commission1", DEMO_PASSWORD, page -> {
            Tasklist.Form start = tasklist.openStartForm(page, "批量命名发文");
            start.fillText("评选批次编号", campaignCode);
            tasklist.start(page, start, "07-naming-start.png");
        });
        ProcessInstance naming = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey("naming/" + campaignCode).singleResult();
        assertThat(naming).as("the naming decision started in Tasklist").isNotNull();
        String namingTask = engine.getTaskService().createTaskQuery().processInstanceId(naming.getId()).singleResult().getName();
        tasklist.asUser("commission1", DEMO_PASSWORD, page -> {
            Tasklist.TaskForm form = tasklist.openTask(page, naming.getId(), "ConfirmNaming", namingTask);
            PlaywrightAssertions.assertThat(form.field("拟命名名单")).hasValue(
                    java.util.regex.Pattern.compile(unit.name())); // letters, digits and "-": a substring match in the browser
            form.choose("确认名单，命名发文").fillText("命名文号", DOCUMENT_NUMBER).fillDate("命名日期", clock.today());
            form.complete("08-naming.png");
        });

        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count())
                .as("the instance has ended").isZero();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(id).singleResult()
                .getState()).isEqualTo("COMPLETED");
        Designation designation = designation(id);
        assertThat(designation.status()).isEqualTo(DesignationStatus.NAMED);
        assertThat(designation.documentNumber()).isEqualTo(DOCUMENT_NUMBER);
        assertThat(mailsTo(unit.contactEmail())).extracting(Mail::subject)
                .containsExactly("【民族团结进步创建】命名通知：" + unit.name());
    }

    // ---- the steps ----------------------------------------------------------------------------

    /** Tasklist's 发起流程, the nomination model and its Chinese start form; 新建任务 is hidden (user-styles.css). */
    private void startApplication(Page page, String campaignCode) {
        PlaywrightAssertions.assertThat(page.locator(".create-task-action")).hasCount(1);
        PlaywrightAssertions.assertThat(page.locator(".create-task-action")).isHidden();
        Tasklist.Form form = tasklist.openStartForm(page, "示范单位评选命名");
        form.fillNumbers(18, 22, 18, 13, 13, 22)
                .fillText("评选批次编号", campaignCode)
                .fillText("创建工作情况", "开展铸牢中华民族共同体意识教育，组织民族团结进步宣传月活动。")
                .fillText("附件材料", "https://example.test/materials/tasklist");
        tasklist.start(page, form, "01-application.png");
    }

    /** The public notice lasts 5 working days: its timer is fired here instead of waited for. */
    private void firePublicNoticeTimer(String processInstanceId) {
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId).timers()
                .singleResult();
        assertThat(timer).as("the public-notice timer").isNotNull();
        engine.getManagementService().executeJob(timer.getId());
    }

    private Designation designation(String processInstanceId) {
        Object id = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableName("designationId").singleResult().getValue();
        return designations.find(((Number) id).longValue()).orElseThrow();
    }
}
