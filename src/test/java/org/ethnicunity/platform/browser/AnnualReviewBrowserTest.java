package org.ethnicunity.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ethnicunity.platform.TestClock;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.Level;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.ethnicunity.platform.registry.UnitType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An annual review walked in Tasklist: commission staff of a banner launch 年度评估 with the Chinese
 * start form of 批量发起, the unit's contact submits its annual report with self-scores, and a reviewer
 * of the commission finds it through the launch's own filter and grades it. The banner (159901) is
 * the test's own, so the launch selects exactly its one title. Screenshots: target/screenshots/ar-*.png.
 */
class AnnualReviewBrowserTest extends BrowserTest {

    private static final String REGION = "159901";

    @Autowired UnitRepository units;
    @Autowired DesignationRepository designations;
    @Autowired JdbcClient jdbc;

    @Test
    void aCommissionLaunchesTheUnitReportsAndTheReviewerGradesInTasklist() {
        String staff = member("ar159901", "commission-" + REGION);
        grantStart("commission-" + REGION, "launch");
        String contact = member("arunit159901", "unit-contacts");
        Unit unit = units.insert(new Unit(null, "巴彦塔拉嘎查（浏览器测试）", UnitType.COMMUNITY, REGION, contact, "乌力吉",
                contact + "@test.example"));
        long title = designations.insert(unit.id(), Level.BANNER, null, DesignationStatus.NAMED, null, "历史命名");
        designations.recordNaming(title, TestClock.today().minusYears(2), "测试文号〔2024〕5号", TestClock.today().plusYears(3), false);
        int year = TestClock.today().getYear();

        tasklist.asUser(staff, "secret-" + staff, page -> {
            Tasklist.Form form = tasklist.openStartForm(page, "批量发起（年度评估、工作报送、计划复核）");
            form.choose("年度评估").fillText("行政区划代码", REGION).fillNumber("评估年度", year);
            form.fillDate("报送截止日期", TestClock.today().plusDays(20)).fillDate("最终期限", TestClock.today().plusDays(40));
            tasklist.start(page, form, "ar-01-launch.png");
        });
        ProcessInstance launch = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("launch")
                .variableValueEquals("regionCode", REGION).singleResult();
        Job job = engine.getManagementService().createJobQuery().processInstanceId(launch.getId()).singleResult();
        engine.getManagementService().executeJob(job.getId());
        ProcessInstance review = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("annual-review")
                .variableValueEquals("designationId", title).singleResult();
        assertThat(review).as("the launch started the title's review").isNotNull();

        tasklist.asUser(contact, "secret-" + contact, page -> tasklist.openTask(page, review.getId(), "SubmitAnnualReport",
                        "提交年度创建工作报告：巴彦塔拉嘎查（浏览器测试）（旗县级）")
                .fillText("年度创建工作报告", "全年开展民族团结进步宣传月、双语讲习所等活动 12 次，结对帮扶 30 户。")
                .fillNumbers(18, 22, 18, 13, 13, 22)
                .fillText("附件材料（链接或说明）", "https://example.test/annual-report").complete("ar-02-report.png"));
        String filter = year + "年度评估（" + REGION + "）（逾期在前）";
        tasklist.asUser(staff, "secret-" + staff, page -> tasklist.openTask(page, filter, review.getId(), "AnnualReviewGrading",
                        "年度评估评分：巴彦塔拉嘎查（浏览器测试）（旗县级）")
                .choose("评定等级").fillNumbers(19, 23, 19, 14, 14, 24)
                .fillText("评审意见（退回补充时写明需补充的材料）", "工作扎实，成效明显。").complete("ar-03-grading.png"));

        Map<String, Object> row = jdbc.sql("SELECT status, grade FROM registry.annual_review WHERE designation_id = :id AND review_year = :y")
                .param("id", title).param("y", year).query().singleRow();
        assertThat(row).containsEntry("status", "GRADED").containsEntry("grade", "EXCELLENT");
        assertThat(mailsTo(contact + "@test.example")).extracting(Mail::subject).anyMatch(s -> s.contains("优秀"));
    }
}
