package org.ethnicunity.platform.reinspection;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.ethnicunity.platform.contract.ExitGrounds;
import org.ethnicunity.platform.contract.ExitStart;
import org.ethnicunity.platform.contract.ProcedureOutcome;
import org.ethnicunity.platform.contract.ProcessContract;
import org.ethnicunity.platform.contract.SiteAssessment;
import org.ethnicunity.platform.contract.ReinspectionStart;
import org.ethnicunity.platform.contract.ReinspectionTrigger;
import org.ethnicunity.platform.contract.Subject;
import org.ethnicunity.platform.contract.Variable;

/**
 * The re-inspection's variables ({@code bpmn/reinspection.bpmn}, forms {@code reinspection-*}, decision
 * table {@code reinspectionGrading}): its start ({@link ReinspectionStart}), what its first step records
 * about the title, the unit's self-inspection, the assessors' score sheets and their combination, the
 * grade, the rectification and its second check, and the hand-over to the exit ({@link ExitStart}).
 */
public final class ReinspectionContract implements ProcessContract {

    // The title and its unit, recorded by the first step (OpenReinspection).
    public static final Variable<Long> DESIGNATION_ID = Subject.DESIGNATION_ID;
    public static final Variable<Long> UNIT_ID = Subject.UNIT_ID;
    public static final Variable<String> UNIT_NAME = Subject.UNIT_NAME;
    public static final Variable<String> UNIT_CONTACT = Subject.UNIT_CONTACT;
    public static final Variable<String> REGION_CODE = Subject.REGION_CODE;
    public static final Variable<String> GRANTING_REGION_CODE = Subject.GRANTING_REGION_CODE;
    public static final Variable<String> LEVEL_LABEL = Subject.LEVEL_LABEL;
    public static final Variable<String> NAMING_DOCUMENT_NUMBER = Subject.NAMING_DOCUMENT_NUMBER;
    public static final Variable<Long> INDICATOR_SET_ID = Subject.INDICATOR_SET_ID;
    public static final Variable<LocalDate> NAMED_DATE = Variable.date("namedDate", "命名日期");

    // The start (form reinspection-start, a launch, or a hand-over).
    public static final Variable<ReinspectionTrigger> REINSPECTION_TRIGGER = ReinspectionStart.REINSPECTION_TRIGGER;
    public static final Variable<Boolean> RECTIFICATION_ORDERED = ReinspectionStart.RECTIFICATION_ORDERED;
    public static final Variable<String> REINSPECTION_REASON = ReinspectionStart.REINSPECTION_REASON;
    public static final Variable<String> ANNUAL_REVIEW_INSTANCE_ID = ReinspectionStart.ANNUAL_REVIEW_INSTANCE_ID;
    public static final Variable<String> COMPLAINANT_NAME = Variable.text("complainantName", "投诉人姓名");
    public static final Variable<String> COMPLAINANT_CONTACT = Variable.text("complainantContact", "投诉人联系方式");
    /** Who started it (camunda:initiator), absent when the platform did. */
    public static final Variable<String> STARTER = Variable.text("starter", "发起人", 64);
    public static final Variable<String> TRIGGER_LABEL = Variable.text("triggerLabel", "复核复检原因");
    /** What is assessed, for the shared score-sheet check's wording (「次复核」). */
    public static final Variable<String> ASSESSMENT_SUBJECT = Variable.text("assessmentSubject", "测评对象");

    // 自查报告 (form reinspection-self-inspection). The score fields follow the indicator set's
    // categories (read by prefix, see ReinspectionForms); these are those of the shipped forms.
    public static final Variable<String> SELF_INSPECTION_REPORT = Variable.text("selfInspectionReport", "自查报告");
    public static final Variable<String> SELF_INSPECTION_ATTACHMENTS = Variable.text("selfInspectionAttachments", "附件材料（链接或说明）");
    public static final Variable<Double> SELF_SCORE_LEADERSHIP = Variable.number("selfScore_leadership", "组织领导与工作机制");
    public static final Variable<Double> SELF_SCORE_CONSCIOUSNESS = Variable.number("selfScore_consciousness", "铸牢中华民族共同体意识教育");
    public static final Variable<Double> SELF_SCORE_EXCHANGE = Variable.number("selfScore_exchange", "促进各民族交往交流交融");
    public static final Variable<Double> SELF_SCORE_PUBLICITY = Variable.number("selfScore_publicity", "民族团结进步宣传教育");
    public static final Variable<Double> SELF_SCORE_GOVERNANCE = Variable.number("selfScore_governance", "依法治理民族事务");
    public static final Variable<Double> SELF_SCORE_ACHIEVEMENT = Variable.number("selfScore_achievement", "创建特色与成效");
    public static final Variable<Double> SELF_TOTAL = Variable.number("selfTotal", "自评总分");

    // 实地复核 (form reinspection-site): one task-local score sheet per assessor, checked and recorded by
    // the shared listeners of indicators/ (prepareScoreSheet, recordSiteAssessment).
    public static final Variable<Double> SITE_SCORE_LEADERSHIP = Variable.number("siteScore_leadership", "组织领导与工作机制");
    public static final Variable<Double> SITE_SCORE_CONSCIOUSNESS = Variable.number("siteScore_consciousness", "铸牢中华民族共同体意识教育");
    public static final Variable<Double> SITE_SCORE_EXCHANGE = Variable.number("siteScore_exchange", "促进各民族交往交流交融");
    public static final Variable<Double> SITE_SCORE_PUBLICITY = Variable.number("siteScore_publicity", "民族团结进步宣传教育");
    public static final Variable<Double> SITE_SCORE_GOVERNANCE = Variable.number("siteScore_governance", "依法治理民族事务");
    public static final Variable<Double> SITE_SCORE_ACHIEVEMENT = Variable.number("siteScore_achievement", "创建特色与成效");
    public static final Variable<Boolean> VETO_MASS_INCIDENT = Variable.flag("veto_massIncident", "一票否决：发生涉及民族因素的群体性事件");
    public static final Variable<Boolean> VETO_FRAUD = Variable.flag("veto_fraud", "一票否决：申报材料弄虚作假");
    public static final Variable<Boolean> VETO_LEADER_VIOLATION = Variable.flag("veto_leaderViolation", "一票否决：领导班子成员严重违法违纪");
    public static final Variable<String> ASSESSMENT_COMMENT = SiteAssessment.ASSESSMENT_COMMENT;

    // The assessors' sheets combined (combineSiteAssessments): the decision table's inputs.
    public static final Variable<Double> SITE_TOTAL = SiteAssessment.SITE_TOTAL;
    public static final Variable<Double> PASS_LINE = SiteAssessment.PASS_LINE;
    public static final Variable<Boolean> VETOED = SiteAssessment.VETOED;
    public static final Variable<String> ASSESSMENT_SUMMARY = SiteAssessment.ASSESSMENT_SUMMARY;

    // 复核定级 (decision table reinspectionGrading, result copied by the task's end listeners).
    @SuppressWarnings("rawtypes")
    public static final Variable<Map> GRADING = Variable.internal("grading", "复核定级结果", Map.class);
    /** The table's grade as it writes it (优秀, 合格, 不合格, 不合格（一票否决）): an administrator may edit the table. */
    public static final Variable<String> SITE_GRADE = Variable.text("siteGrade", "复核等级");
    public static final Variable<Boolean> SITE_PASSED = Variable.flag("sitePassed", "复核合格");

    // 限期整改, 整改报告 (form reinspection-rectification-report), 整改复查 (form reinspection-second-check).
    public static final Variable<LocalDate> RECTIFICATION_DEADLINE = Variable.date("rectificationDeadline", "整改期限（截止日期）");
    /** The end of the deadline's day: the rectification report's due date. */
    public static final Variable<Date> RECTIFICATION_DUE_DATE = Variable.moment("rectificationDueDate", "整改报告截止时间");
    public static final Variable<String> RECTIFICATION_REASON = Variable.text("rectificationReason", "整改原因");
    public static final Variable<String> RECTIFICATION_REPORT = Variable.text("rectificationReport", "整改报告");
    public static final Variable<String> RECTIFICATION_ATTACHMENTS = Variable.text("rectificationAttachments", "附件材料（链接或说明）");
    public static final Variable<SecondCheckDecision> SECOND_CHECK_DECISION =
            Variable.choice("secondCheckDecision", "复查结论", SecondCheckDecision.class);
    public static final Variable<String> SECOND_CHECK_COMMENT = Variable.text("secondCheckComment", "复查意见");

    // The end: kept (input basis of retainTitle), handed to the exit, or ended by a veto event.
    public static final Variable<String> BASIS = Variable.text("basis", "保留称号依据");
    /** RETAINED, FAILED or VETO. */
    public static final Variable<ProcedureOutcome> REINSPECTION_OUTCOME =
            Variable.choice("reinspectionOutcome", "复核复检结果", ProcedureOutcome.class);
    /** The input of handToExit (REINSPECTION_FAILED or SECOND_CHECK_FAILED), kept with its detail. */
    public static final Variable<ExitGrounds> EXIT_GROUNDS = ExitStart.EXIT_GROUNDS;
    public static final Variable<String> EXIT_GROUNDS_DETAIL = ExitStart.EXIT_GROUNDS_DETAIL;
    public static final Variable<String> VETO_REASON = ExitStart.VETO_REASON;

    @Override
    public List<String> processKeys() {
        return List.of(ReinspectionStart.PROCESS_KEY);
    }
}
