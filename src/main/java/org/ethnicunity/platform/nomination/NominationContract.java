package org.ethnicunity.platform.nomination;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ethnicunity.platform.contract.Option;
import org.ethnicunity.platform.contract.ProcessContract;
import org.ethnicunity.platform.contract.SiteAssessment;
import org.ethnicunity.platform.contract.Subject;
import org.ethnicunity.platform.contract.Variable;

/**
 * The variables of one application ({@code bpmn/nomination.bpmn}, 示范单位评选命名): the start form,
 * what registering the application adds, each reviewer's form, the site assessment and its grading
 * table, the objections of the public notice and the naming handed over by the batch naming
 * ({@link #naming}). The campaign-level steps have their own contracts ({@link NamingContract},
 * {@link RecommendationContract}): they share only the campaign's variables with this one.
 *
 * <p>Labels are the forms' wording; where a variable is shown on several forms, the form where it is
 * filled in.
 */
public final class NominationContract implements ProcessContract {

    // --- the application (start form nomination-application, resubmission form) ---
    /** The user who started the application (camunda:initiator); the authenticated caller wins over it. */
    public static final Variable<String> APPLICANT = Variable.text("applicant", "申报人", 64);
    public static final Variable<String> CAMPAIGN_CODE = Subject.CAMPAIGN_CODE;
    public static final Variable<String> CREATION_SUMMARY = Variable.text("creationSummary", "创建工作情况");
    public static final Variable<String> ATTACHMENTS = Variable.text("attachments", "附件材料（链接或说明）");
    /**
     * The self-scores: one field per category of the campaign's indicator set, named this prefix and
     * the category's code (the set is data; the fields below are those of the shipped set, which the
     * forms show).
     */
    public static final String SELF_SCORE_PREFIX = "selfScore_";
    public static final Variable<Double> SELF_SCORE_LEADERSHIP = Variable.number("selfScore_leadership", "组织领导与工作机制（满分20分）");
    public static final Variable<Double> SELF_SCORE_CONSCIOUSNESS = Variable.number("selfScore_consciousness", "铸牢中华民族共同体意识教育（满分25分）");
    public static final Variable<Double> SELF_SCORE_EXCHANGE = Variable.number("selfScore_exchange", "促进各民族交往交流交融（满分20分）");
    public static final Variable<Double> SELF_SCORE_PUBLICITY = Variable.number("selfScore_publicity", "民族团结进步宣传教育（满分15分）");
    public static final Variable<Double> SELF_SCORE_GOVERNANCE = Variable.number("selfScore_governance", "依法治理民族事务（满分15分）");
    public static final Variable<Double> SELF_SCORE_ACHIEVEMENT = Variable.number("selfScore_achievement", "创建特色与成效（满分25分）");
    public static final Variable<Double> SELF_TOTAL = Variable.number("selfTotal", "自评总分");

    // --- set when the application is registered ---
    public static final Variable<Long> DESIGNATION_ID = Subject.DESIGNATION_ID;
    public static final Variable<Long> UNIT_ID = Subject.UNIT_ID;
    public static final Variable<String> UNIT_NAME = Subject.UNIT_NAME;
    public static final Variable<String> UNIT_TYPE_LABEL = Variable.text("unitTypeLabel", "单位类型", 50);
    public static final Variable<String> UNIT_CONTACT = Subject.UNIT_CONTACT;
    public static final Variable<String> REGION_CODE = Subject.REGION_CODE;
    public static final Variable<Long> CAMPAIGN_ID = Subject.CAMPAIGN_ID;
    public static final Variable<String> CAMPAIGN_NAME = Subject.CAMPAIGN_NAME;
    /** The region of the commission running the campaign: its groups review, assess and approve. */
    public static final Variable<String> CAMPAIGN_REGION_CODE = Variable.text("campaignRegionCode", "评选批次所在地区", 12);
    public static final Variable<String> LEVEL_LABEL = Subject.LEVEL_LABEL;
    public static final Variable<Long> INDICATOR_SET_ID = Subject.INDICATOR_SET_ID;
    public static final Variable<Double> PASS_LINE = SiteAssessment.PASS_LINE;

    // --- a unit recommended by the lower commission (推荐上报), shown to the reviewers ---
    public static final Variable<Long> RECOMMENDATION_ID = Variable.id("recommendationId", "推荐记录编号");
    public static final Variable<String> RECOMMENDED_BY = Variable.text("recommendedBy", "推荐单位及审定", 500);
    public static final Variable<String> RECOMMENDATION_REASONS = RecommendationContract.RECOMMENDATION_REASONS;
    public static final Variable<String> LOWER_TITLE = Variable.text("lowerTitle", "已获下一级称号", 500);
    public static final Variable<String> LOWER_ASSESSMENT = Variable.text("lowerAssessment", "下一级评选测评结果", 500);
    public static final Variable<String> LOWER_DOSSIER_LINK = Variable.text("lowerDossierLink", "下一级命名档案", 500);

    // --- preliminary review, commission review, return and resubmission ---
    public static final Variable<PreliminaryVerdict> PRELIM_DECISION = Variable.choice("prelimDecision", "初审意见", PreliminaryVerdict.class);
    public static final Variable<String> PRELIM_COMMENT = Variable.text("prelimComment", "初审审核意见");
    public static final Variable<CommissionVerdict> COMMISSION_DECISION = Variable.choice("commissionDecision", "审核结论", CommissionVerdict.class);
    public static final Variable<String> COMMISSION_COMMENT = Variable.text("commissionComment", "审核意见");
    /** Input of the return and decline steps: the step, by its task id in the model. */
    public static final Variable<Stage> STAGE = Variable.choice("stage", "环节", Stage.class);
    /** Input of the return, decline and status steps: why, as the model words it. */
    public static final Variable<String> REASON = Variable.text("reason", "理由");
    /** Input of the status step: the designation's new state (a {@code DesignationStatus} name). */
    public static final Variable<String> STATUS = Variable.text("status", "命名记录状态", 30);
    public static final Variable<Stage> RETURNED_FROM = Variable.choice("returnedFrom", "退回环节", Stage.class);
    public static final Variable<String> RETURNED_FROM_LABEL = Variable.text("returnedFromLabel", "退回环节", 50);
    public static final Variable<String> RETURN_REASON = Variable.text("returnReason", "退回意见");
    public static final Variable<String> RESUBMISSION_NOTE = Variable.text("resubmissionNote", "补充说明");

    // --- site assessment (form nomination-site-assessment, kept by the indicators' listeners) ---
    /** Like the self-scores: prefix and category code; the fields below are the shipped set's. */
    public static final String SITE_SCORE_PREFIX = SiteAssessment.SITE_SCORE_PREFIX;
    public static final Variable<Double> SITE_SCORE_LEADERSHIP = Variable.number("siteScore_leadership", "组织领导与工作机制（满分20分）");
    public static final Variable<Double> SITE_SCORE_CONSCIOUSNESS = Variable.number("siteScore_consciousness", "铸牢中华民族共同体意识教育（满分25分）");
    public static final Variable<Double> SITE_SCORE_EXCHANGE = Variable.number("siteScore_exchange", "促进各民族交往交流交融（满分20分）");
    public static final Variable<Double> SITE_SCORE_PUBLICITY = Variable.number("siteScore_publicity", "民族团结进步宣传教育（满分15分）");
    public static final Variable<Double> SITE_SCORE_GOVERNANCE = Variable.number("siteScore_governance", "依法治理民族事务（满分15分）");
    public static final Variable<Double> SITE_SCORE_ACHIEVEMENT = Variable.number("siteScore_achievement", "创建特色与成效（满分25分）");
    /** One checkbox per veto item of the indicator set: prefix and the item's code. */
    public static final String VETO_PREFIX = SiteAssessment.VETO_PREFIX;
    public static final Variable<Boolean> VETO_MASS_INCIDENT = Variable.flag("veto_massIncident", "一票否决：发生涉及民族因素的群体性事件");
    public static final Variable<Boolean> VETO_FRAUD = Variable.flag("veto_fraud", "一票否决：申报材料弄虚作假");
    public static final Variable<Boolean> VETO_LEADER_VIOLATION = Variable.flag("veto_leaderViolation", "一票否决：领导班子成员严重违法违纪");
    public static final Variable<String> ASSESSMENT_COMMENT = SiteAssessment.ASSESSMENT_COMMENT;
    public static final Variable<Double> SITE_TOTAL = SiteAssessment.SITE_TOTAL;
    /** Input of the grading table: an assessor ticked a veto item. */
    public static final Variable<Boolean> VETOED = SiteAssessment.VETOED;
    public static final Variable<String> ASSESSMENT_SUMMARY = SiteAssessment.ASSESSMENT_SUMMARY;
    /** The grading table's single result (grade, passed), copied into the two variables below. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static final Variable<Map<String, Object>> GRADING = (Variable) Variable.internal("grading", "测评定级结果", Map.class);
    /** The table's grade as its output writes it (优秀, 合格, 不合格 …). */
    public static final Variable<String> SITE_GRADE = Variable.text("siteGrade", "测评等级", 50);
    public static final Variable<Boolean> SITE_PASSED = Variable.flag("sitePassed", "测评合格");

    // --- leading group approval ---
    public static final Variable<ApprovalDecision> APPROVAL_DECISION = Variable.choice("approvalDecision", "审批结论", ApprovalDecision.class);
    public static final Variable<String> APPROVAL_COMMENT = Variable.text("approvalComment", "审批意见");

    // --- objections during the public notice (local to each verification) ---
    public static final Variable<String> OBJECTOR_NAME = Variable.text("objectorName", "异议人姓名", 50);
    public static final Variable<String> OBJECTOR_CONTACT = Variable.text("objectorContact", "联系方式", 100);
    public static final Variable<String> OBJECTOR_EMAIL = Variable.text("objectorEmail", "电子邮箱", 100);
    public static final Variable<String> OBJECTION_CONTENT = Variable.text("objectionContent", "异议内容", 5000);
    public static final Variable<String> OBJECTION_EVIDENCE_LINK = Variable.text("objectionEvidenceLink", "证据材料链接", 500);
    public static final Variable<String> OBJECTION_RECEIPT = Variable.text("objectionReceipt", "受理回执号", 50);
    /** Who registered it: a commission user, or the public notice page. */
    public static final Variable<String> OBJECTION_REGISTERED_BY = Variable.text("objectionRegisteredBy", "登记人", 64);
    public static final Variable<ObjectionVerdict> OBJECTION_UPHELD = Variable.choice("objectionUpheld", "核实结论", ObjectionVerdict.class);
    public static final Variable<String> OBJECTION_REPLY = Variable.text("objectionReply", "核实情况及答复");
    /** The upheld objection's reply, carried by the error that ends the notice. */
    public static final Variable<String> UPHELD_OBJECTION_REPLY = Variable.text("upheldObjectionReply", "异议核实答复");

    // --- a veto event during the application (sent by the exit's veto events) ---
    public static final Variable<String> VETO_REASON = Variable.text("vetoReason", "一票否决事件");

    // --- naming (handed over by the batch naming, message batchNaming) ---
    public static final Variable<String> DOCUMENT_NUMBER = Variable.text("documentNumber", "命名文号", 100);
    public static final Variable<LocalDate> NAMING_DATE = Variable.date("namingDate", "命名日期");
    /** The naming instance (批量命名发文) that named this application. */
    public static final Variable<String> NAMING_INSTANCE_ID = Variable.text("namingInstanceId", "命名发文流程", 64);
    /** Set only by the one-at-a-time naming form of the earlier model version. */
    public static final Variable<Boolean> RECOMMEND_NEXT_LEVEL = Variable.flag("recommendNextLevel", "推荐参加上一级示范单位评选");
    public static final Variable<String> NAMING_NOTE = Variable.text("namingNote", "备注");
    public static final Variable<LocalDate> EXPIRY_DATE = Variable.date("expiryDate", "有效期至");
    public static final Variable<Outcome> OUTCOME = Variable.choice("outcome", "申报结果", Outcome.class);

    @Override
    public List<String> processKeys() {
        return List.of("nomination");
    }

    /** The names of the variables, to fetch several in one call ({@code RuntimeService.getVariables}). */
    static List<String> names(Variable<?>... variables) {
        return Arrays.stream(variables).map(Variable::name).toList();
    }

    /** The variables the batch naming hands to each application it names (message {@code batchNaming}). */
    public static Map<String, Object> naming(String documentNumber, LocalDate namingDate, String namingInstanceId) {
        Map<String, Object> variables = new HashMap<>();
        DOCUMENT_NUMBER.put(variables, documentNumber);
        NAMING_DATE.put(variables, namingDate);
        NAMING_INSTANCE_ID.put(variables, namingInstanceId);
        return variables;
    }

    /** 初审意见 (form nomination-preliminary-review). */
    public enum PreliminaryVerdict implements Option {
        PASS("通过初审"), RETURN("退回补充材料"), DECLINE("不予通过");

        private final String label;

        PreliminaryVerdict(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** 审核结论 of the commission's material review (form nomination-commission-review). */
    public enum CommissionVerdict implements Option {
        PASS("审核通过，进入实地测评"), RETURN("退回补充材料"), DECLINE("不予通过");

        private final String label;

        CommissionVerdict(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** 审批结论 of the leading group (form nomination-approval). */
    public enum ApprovalDecision implements Option {
        APPROVE("批准，进入公示"), DECLINE("不予批准");

        private final String label;

        ApprovalDecision(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** 核实结论 of an objection (form nomination-objection-verification); the objector's mail says it too. */
    public enum ObjectionVerdict implements Option {
        UPHELD("异议成立（不予命名）"), REJECTED("异议不成立");

        private final String label;

        ObjectionVerdict(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** How the application ended, as the designation's history lists it. */
    public enum Outcome implements Option {
        NAMED("已命名"), DECLINED("未通过");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }
}
