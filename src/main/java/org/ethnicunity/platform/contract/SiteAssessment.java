package org.ethnicunity.platform.contract;

/**
 * The variables of an on-site assessment (实地测评), which the nomination and the re-inspection both
 * run with the same delegates of {@code indicators}: each assessor's score sheet (one number per
 * category of the indicator set, one flag per veto item, a comment) and their combination. Here, not
 * in a lifecycle, because {@code indicators} serves both and may depend on neither.
 */
public final class SiteAssessment {

    /** A category's score on an assessor's sheet is {@code siteScore_<category code>} (a task-local number). */
    public static final String SITE_SCORE_PREFIX = "siteScore_";
    /** A veto item on an assessor's sheet is {@code veto_<item code>} (a task-local flag). */
    public static final String VETO_PREFIX = "veto_";

    public static final Variable<String> ASSESSMENT_COMMENT = Variable.text("assessmentComment", "测评意见");
    /** What is assessed, for messages: 申报 or 复核 (the process sets it). */
    public static final Variable<String> ASSESSMENT_SUBJECT = Variable.text("assessmentSubject", "测评对象", 20);
    /** The average of the assessors' totals, category by category. */
    public static final Variable<Double> SITE_TOTAL = Variable.number("siteTotal", "实地测评得分");
    public static final Variable<Double> PASS_LINE = Variable.number("passLine", "合格线");
    public static final Variable<Boolean> VETOED = Variable.flag("vetoed", "一票否决");
    public static final Variable<String> ASSESSMENT_SUMMARY = Variable.text("assessmentSummary", "测评情况汇总");

    private SiteAssessment() {
    }
}
