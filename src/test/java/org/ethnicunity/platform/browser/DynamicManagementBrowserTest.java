package org.ethnicunity.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.ethnicunity.platform.IntegrationTest.Mail;
import org.ethnicunity.platform.TestClock;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.nomination.NominationFixture;
import org.ethnicunity.platform.registry.CampaignRepository;
import org.ethnicunity.platform.registry.Designation;
import org.ethnicunity.platform.registry.DesignationEvent;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.DynamicProcedures;
import org.ethnicunity.platform.registry.Level;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Dynamic management walked in Camunda Tasklist by the people of 奈曼旗 (150525): commission staff
 * start a re-inspection of a title with its Chinese start form, the unit reports, two assessors
 * score it below the pass line, the unit rectifies, the second check fails, and the exit that
 * follows ends, after the unit's statement, in the leading group's revocation. Every form is
 * rendered by form-js and submitted in Chromium; screenshots go to target/screenshots/dm-*.png.
 */
class DynamicManagementBrowserTest extends BrowserTest {

    private static final String DEMO = "demo";
    private static final String DOCUMENT_NUMBER = "奈民创办发〔" + TestClock.today().getYear() + "〕31号";

    @Autowired UnitRepository units;
    @Autowired CampaignRepository campaigns;
    @Autowired IndicatorSetRepository indicatorSets;
    @Autowired DesignationRepository designations;
    @Autowired DynamicProcedures procedures;

    @Test
    void aTitleIsReinspectedRectifiedAndRevokedEntirelyThroughTasklist() {
        NominationFixture fixture = new NominationFixture(engine, units, campaigns, indicatorSets);
        Unit unit = fixture.newUnit("150525");
        String contact = unit.contactUser();
        String password = fixture.passwordOf(unit);
        long title = namedThreeYearsAgo(unit);

        tasklist.asUser("commission1", DEMO, page -> {
            Tasklist.Form form = tasklist.openStartForm(page, "示范单位复核复检");
            form.fillNumber("命名记录编号", title).choose("计划复核").fillText("复核复检事由", "命名已满三年，按计划复核复检。");
            tasklist.start(page, form, "dm-01-reinspection-start.png");
        });
        String reinspection = runningProcedure(title, "REINSPECTION");
        assertThat(status(title)).isEqualTo(DesignationStatus.UNDER_REINSPECTION);

        tasklist.asUser(contact, password, page -> tasklist.openTask(page, reinspection, "SelfInspection", "自查报告")
                .fillText("自查报告", "对照测评指标逐项自查，活动台账有缺失。").fillNumbers(15, 18, 15, 10, 10, 18)
                .fillText("附件材料（链接或说明）", "https://example.test/self-inspection").complete("dm-02-self-inspection.png"));
        for (String assessor : new String[] {"assessor1", "assessor2"}) {
            tasklist.asUser(assessor, DEMO, page -> tasklist.openTask(page, reinspection, "SiteReinspection", "实地复核")
                    .fillNumbers(15, 18, 15, 10, 10, 18).fillText("复核意见", "活动阵地闲置，台账不全。")
                    .complete("dm-03-site-reinspection-" + assessor + ".png"));
        }
        assertThat(status(title)).as("failed, rectification first (app.reinspection.on-failure)")
                .isEqualTo(DesignationStatus.RECTIFYING);

        tasklist.asUser(contact, password, page -> tasklist.openTask(page, reinspection, "RectificationReport", "整改报告")
                .fillText("整改报告", "已补充部分台账。").fillText("附件材料（链接或说明）", "https://example.test/rectification")
                .complete("dm-04-rectification-report.png"));
        tasklist.asUser("commission1", DEMO, page -> tasklist.openTask(page, reinspection, "SecondCheck", "整改复查")
                .choose("复查不合格").fillText("复查意见", "整改不到位，阵地仍未启用。").complete("dm-05-second-check.png"));

        String exit = runningProcedure(title, "EXIT");
        assertThat(status(title)).isEqualTo(DesignationStatus.IN_EXIT);
        tasklist.asUser("commission1", DEMO, page -> tasklist.openTask(page, exit, "VerifyGrounds", "核实退出事由")
                .choose("事由属实，继续退出程序").fillText("核实情况", "经核实，整改复查不合格属实。")
                .complete("dm-06-verify-grounds.png"));
        tasklist.asUser(contact, password, page -> tasklist.openTask(page, exit, "SubmitStatement", "陈述申辩")
                .fillText("陈述申辩意见", "请求再给一次整改机会。").fillText("证明材料（链接或说明）", "https://example.test/statement")
                .complete("dm-07-statement.png"));
        tasklist.asUser("leader1", DEMO, page -> {
            Tasklist.TaskForm form = tasklist.openTask(page, exit, "LeadingGroupDecision", "领导小组决定")
                    .choose("撤销命名").fillText("决定理由", "整改复查不合格，依规撤销命名。").fillText("撤销命名文号", DOCUMENT_NUMBER);
            form.fillDate("发文日期", TestClock.today());
            form.complete("dm-08-decision.png");
        });

        Designation revoked = designations.find(title).orElseThrow();
        assertThat(revoked.status()).isEqualTo(DesignationStatus.REVOKED);
        assertThat(revoked.revokedDate()).isEqualTo(TestClock.today());
        assertThat(designations.events(title)).extracting(DesignationEvent::toStatus).containsSubsequence(
                DesignationStatus.UNDER_REINSPECTION, DesignationStatus.RECTIFYING, DesignationStatus.IN_EXIT,
                DesignationStatus.REVOKED);
        assertThat(designations.events(title)).last().extracting(DesignationEvent::documentNumber).isEqualTo(DOCUMENT_NUMBER);
        assertThat(procedures.running(title)).isEmpty();
        assertThat(mailsTo(unit.contactEmail())).extracting(Mail::subject).anyMatch(s -> s.contains("撤销"));
    }

    /** A banner title of the unit named three years ago, without a campaign: granted by the unit's region. */
    private long namedThreeYearsAgo(Unit unit) {
        long id = designations.insert(unit.id(), Level.BANNER, null, DesignationStatus.NAMED, null, "历史命名");
        designations.recordNaming(id, TestClock.today().minusYears(3), "奈民创办发〔" + TestClock.today().minusYears(3).getYear()
                + "〕8号", TestClock.today().plusYears(2), false);
        return id;
    }

    private String runningProcedure(long title, String kind) {
        var procedure = procedures.running(title).orElseThrow(() -> new AssertionError("no running " + kind));
        assertThat(procedure.kind()).isEqualTo(kind);
        return procedure.processInstanceId();
    }

    private DesignationStatus status(long title) {
        return designations.find(title).orElseThrow().status();
    }
}
