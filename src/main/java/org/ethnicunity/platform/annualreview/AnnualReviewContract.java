package org.ethnicunity.platform.annualreview;

import java.time.LocalDate;
import java.util.List;
import org.ethnicunity.platform.contract.AnnualFollowUp;
import org.ethnicunity.platform.contract.AnnualGrade;
import org.ethnicunity.platform.contract.ProcessContract;
import org.ethnicunity.platform.contract.Subject;
import org.ethnicunity.platform.contract.Variable;
import org.ethnicunity.platform.launcher.LaunchContract;
import org.ethnicunity.platform.launcher.LaunchMatter;

/**
 * The annual review's variables ({@code bpmn/annual-review.bpmn}, its forms and the grading table
 * {@code annual-review-grading.dmn}). An instance starts from a launch: the launch's own variables
 * ({@link LaunchContract}) and the title's, selected by {@link AnnualReviewLaunch} under these names.
 */
public final class AnnualReviewContract implements ProcessContract {

    public static final String PROCESS_KEY = "annual-review";

    // The title, from the launch's selection.
    public static final Variable<Long> DESIGNATION_ID = Subject.DESIGNATION_ID;
    public static final Variable<Long> UNIT_ID = Subject.UNIT_ID;
    public static final Variable<String> UNIT_NAME = Subject.UNIT_NAME;
    public static final Variable<String> UNIT_CONTACT = Subject.UNIT_CONTACT;
    public static final Variable<String> UNIT_CONTACT_NAME = Variable.text("unitContactName", "联系人", 100);
    public static final Variable<String> UNIT_CONTACT_EMAIL = Variable.text("unitContactEmail", "联系人邮箱", 200);
    public static final Variable<String> REGION_CODE = Subject.REGION_CODE;
    public static final Variable<String> GRANTING_REGION_CODE = Subject.GRANTING_REGION_CODE;
    /** The title's level code (BANNER …); {@link #LEVEL_LABEL} is what people read. */
    public static final Variable<String> LEVEL = Variable.text("level", "称号级别代码", 20);
    public static final Variable<String> LEVEL_LABEL = Subject.LEVEL_LABEL;
    /** The naming document's number (Subject's {@code namingDocumentNumber} under the name this model has always used). */
    public static final Variable<String> DOCUMENT_NUMBER = Variable.text("documentNumber", "命名文号", 100);
    public static final Variable<Long> INDICATOR_SET_ID = Subject.INDICATOR_SET_ID;

    // The launch's.
    public static final Variable<Long> LAUNCH_ID = LaunchContract.LAUNCH_ID;
    public static final Variable<String> LAUNCH_TITLE = LaunchContract.LAUNCH_TITLE;
    public static final Variable<LaunchMatter> LAUNCH_KIND = LaunchContract.LAUNCH_KIND;
    public static final Variable<String> REQUESTER_REGION_CODE = LaunchContract.REQUESTER_REGION_CODE;
    public static final Variable<String> LAUNCHED_BY = LaunchContract.LAUNCHED_BY;
    public static final Variable<Integer> REVIEW_YEAR = LaunchContract.REVIEW_YEAR;
    /** 报告截止日期: the annual report is due by the end of this day. */
    public static final Variable<LocalDate> REPORT_DUE_DATE = LaunchContract.REPORT_DUE_DATE;
    /** After this day a report not submitted counts as missing (不合格). */
    public static final Variable<LocalDate> FINAL_DEADLINE = LaunchContract.FINAL_DEADLINE;
    public static final Variable<String> INSTRUCTIONS = LaunchContract.INSTRUCTIONS;

    // The review's record.
    public static final Variable<Boolean> REVIEW_OPENED = Variable.flag("reviewOpened", "已开始评估");
    /** The review's row status as opened or ended (an {@code AnnualReviewStatus}), or ALREADY_REVIEWED. */
    public static final Variable<String> REVIEW_STATUS = Variable.text("reviewStatus", "评估状态", 20);
    /** The state that ended the title while its review ran (REVOKED, EXPIRED). */
    public static final Variable<String> TITLE_ENDED_STATUS = Variable.text("titleEndedStatus", "称号终止状态", 20);

    // The unit's report (annual-review-report).
    public static final Variable<String> ANNUAL_REPORT = Variable.text("annualReport", "年度创建工作报告");
    public static final Variable<String> REPORT_ATTACHMENTS = Variable.text("reportAttachments", "附件材料");
    public static final Variable<Double> SELF_TOTAL = Variable.number("selfTotal", "自评总分");
    /** Self-scores, one per category of the title's indicator set: {@value #SELF_SCORE}&lt;category code&gt;. */
    public static final String SELF_SCORE = "selfScore_";
    public static final Variable<Double> SELF_SCORE_LEADERSHIP = score(SELF_SCORE, "leadership", "组织领导与工作机制");
    public static final Variable<Double> SELF_SCORE_CONSCIOUSNESS = score(SELF_SCORE, "consciousness", "铸牢中华民族共同体意识教育");
    public static final Variable<Double> SELF_SCORE_EXCHANGE = score(SELF_SCORE, "exchange", "促进各民族交往交流交融");
    public static final Variable<Double> SELF_SCORE_PUBLICITY = score(SELF_SCORE, "publicity", "民族团结进步宣传教育");
    public static final Variable<Double> SELF_SCORE_GOVERNANCE = score(SELF_SCORE, "governance", "依法治理民族事务");
    public static final Variable<Double> SELF_SCORE_ACHIEVEMENT = score(SELF_SCORE, "achievement", "创建特色与成效");

    // The reviewer's sheet (annual-review-grading).
    public static final Variable<GradingDecision> GRADING_DECISION =
            Variable.choice("gradingDecision", "评审结论", GradingDecision.class);
    public static final Variable<String> REVIEW_COMMENT = Variable.text("reviewComment", "评审意见");
    /** Reviewer's scores, one per category: {@value #REVIEW_SCORE}&lt;category code&gt;. */
    public static final String REVIEW_SCORE = "reviewScore_";
    public static final Variable<Double> REVIEW_SCORE_LEADERSHIP = score(REVIEW_SCORE, "leadership", "组织领导与工作机制");
    public static final Variable<Double> REVIEW_SCORE_CONSCIOUSNESS = score(REVIEW_SCORE, "consciousness", "铸牢中华民族共同体意识教育");
    public static final Variable<Double> REVIEW_SCORE_EXCHANGE = score(REVIEW_SCORE, "exchange", "促进各民族交往交流交融");
    public static final Variable<Double> REVIEW_SCORE_PUBLICITY = score(REVIEW_SCORE, "publicity", "民族团结进步宣传教育");
    public static final Variable<Double> REVIEW_SCORE_GOVERNANCE = score(REVIEW_SCORE, "governance", "依法治理民族事务");
    public static final Variable<Double> REVIEW_SCORE_ACHIEVEMENT = score(REVIEW_SCORE, "achievement", "创建特色与成效");
    /** Veto items ticked, one per veto item of the set: {@value #VETO}&lt;item code&gt;. */
    public static final String VETO = "veto_";
    public static final Variable<Boolean> VETO_MASS_INCIDENT = Variable.flag(VETO + "massIncident", "一票否决：发生涉及民族因素的群体性事件");
    public static final Variable<Boolean> VETO_FRAUD = Variable.flag(VETO + "fraud", "一票否决：申报材料弄虚作假");
    public static final Variable<Boolean> VETO_LEADER_VIOLATION = Variable.flag(VETO + "leaderViolation", "一票否决：领导班子成员严重违法违纪");

    // What the sheet gives the grading table, and the grade.
    public static final Variable<Double> REVIEW_TOTAL = Variable.number("reviewTotal", "评审总分");
    public static final Variable<Double> SCORE_PERCENT = Variable.number("scorePercent", "得分率");
    public static final Variable<Boolean> VETOED = Variable.flag("vetoed", "触及一票否决");
    public static final Variable<String> VETO_NAMES = Variable.text("vetoNames", "一票否决事项");
    /** The grading table's result, checked by {@link AnnualGrade#fromDecision} before it becomes {@link #GRADE}. */
    public static final Variable<String> GRADE_CODE = Variable.text("gradeCode", "定级结果", 20);
    public static final Variable<AnnualGrade> GRADE = Variable.choice("grade", "年度评估等级", AnnualGrade.class);
    /** The grade as the unit reads it, or why there is none (未提交). */
    public static final Variable<String> GRADE_LABEL = Variable.text("gradeLabel", "评估结果", 100);
    public static final Variable<String> GRADED_BY = Variable.text("gradedBy", "评审人", 64);
    public static final Variable<Boolean> REVIEW_FAILED = Variable.flag("reviewFailed", "评估不合格");

    // Returned for more material.
    public static final Variable<Integer> RETURN_COUNT = Variable.integer("returnCount", "退回次数");
    public static final Variable<String> RETURN_REASON = Variable.text("returnReason", "退回补充的理由");

    // What followed a failing year.
    public static final Variable<AnnualFollowUp> FOLLOW_UP = Variable.choice("followUp", "后续处理", AnnualFollowUp.class);
    public static final Variable<String> FOLLOW_UP_INSTANCE_ID = Variable.text("followUpInstanceId", "后续流程", 64);
    public static final Variable<String> FOLLOW_UP_NOTE = Variable.text("followUpNote", "后续处理说明");

    @Override
    public List<String> processKeys() {
        return List.of(PROCESS_KEY);
    }

    private static Variable<Double> score(String prefix, String category, String label) {
        return Variable.number(prefix + category, label);
    }
}
