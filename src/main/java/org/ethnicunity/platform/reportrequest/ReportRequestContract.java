package org.ethnicunity.platform.reportrequest;

import java.time.LocalDate;
import java.util.List;
import org.ethnicunity.platform.contract.ProcessContract;
import org.ethnicunity.platform.contract.Subject;
import org.ethnicunity.platform.contract.Variable;
import org.ethnicunity.platform.launcher.LaunchContract;
import org.ethnicunity.platform.launcher.LaunchMatter;

/**
 * A member's report request ({@code bpmn/report-request.bpmn}, forms {@code report-request-submit}
 * and {@code report-request-review}). It starts from a launch: the launch's own variables
 * ({@link LaunchContract}) and the member's, selected by {@link ReportRequestLaunch} under these names.
 */
public final class ReportRequestContract implements ProcessContract {

    public static final String PROCESS_KEY = "report-request";

    // The member, from the launch's selection.
    /** unit:&lt;id&gt; or commission:&lt;region code&gt;, unique within a launch. */
    public static final Variable<String> MEMBER_KEY = Variable.text("memberKey", "报送方编号", 64);
    public static final Variable<MemberType> MEMBER_TYPE = Variable.choice("memberType", "报送方类型", MemberType.class);
    public static final Variable<String> MEMBER_NAME = Variable.text("memberName", "报送方", 200);
    public static final Variable<Long> UNIT_ID = Subject.UNIT_ID;
    public static final Variable<String> UNIT_CONTACT = Subject.UNIT_CONTACT;
    public static final Variable<String> CONTACT_NAME = Variable.text("contactName", "联系人", 100);
    public static final Variable<String> CONTACT_EMAIL = Variable.text("contactEmail", "联系人邮箱", 200);
    public static final Variable<String> REGION_CODE = Subject.REGION_CODE;
    /** A lower commission's staff group, which does its task; none for a unit (its contact does). */
    public static final Variable<String> CANDIDATE_GROUP = Variable.text("candidateGroup", "报送工作组", 64);
    /** The member's name again, under the name the reminder digests read for every task. */
    public static final Variable<String> UNIT_NAME = Subject.UNIT_NAME;

    // The launch's.
    public static final Variable<Long> LAUNCH_ID = LaunchContract.LAUNCH_ID;
    public static final Variable<String> LAUNCH_TITLE = LaunchContract.LAUNCH_TITLE;
    public static final Variable<LaunchMatter> LAUNCH_KIND = LaunchContract.LAUNCH_KIND;
    public static final Variable<String> REQUESTER_REGION_CODE = LaunchContract.REQUESTER_REGION_CODE;
    public static final Variable<String> LAUNCHED_BY = LaunchContract.LAUNCHED_BY;
    /** 截止日期: the report is due by the end of this day. */
    public static final Variable<LocalDate> REPORT_DUE_DATE = LaunchContract.REPORT_DUE_DATE;
    public static final Variable<String> INSTRUCTIONS = LaunchContract.INSTRUCTIONS;

    // The request's record.
    public static final Variable<Boolean> ALREADY_REQUESTED = Variable.flag("alreadyRequested", "已发出过报送通知");
    public static final Variable<Boolean> REVISION_REQUESTED = Variable.flag("revisionRequested", "已退回修改");
    public static final Variable<String> REPORT_PAGE_URL = Variable.text("reportPageUrl", "汇总页面（全部报送方的报送情况）", 500);

    // The member's report (report-request-submit).
    public static final Variable<String> REPORT_TEXT = Variable.text("reportText", "报送内容");
    public static final Variable<String> REPORT_LINK = Variable.text("reportLink", "附件链接或存放位置");
    public static final Variable<String> RETURNED_REASON = Variable.text("returnedReason", "退回修改理由");
    public static final Variable<Boolean> REPORT_LATE = Variable.flag("reportLate", "逾期报送");
    public static final Variable<String> SUBMITTED_AT_LABEL = Variable.text("submittedAtLabel", "报送时间", 50);
    public static final Variable<String> LATE_LABEL = Variable.text("lateLabel", "是否按时", 100);

    // The review (report-request-review).
    public static final Variable<ReviewDecision> REVIEW_DECISION =
            Variable.choice("reviewDecision", "审阅结论", ReviewDecision.class);
    public static final Variable<String> REVIEW_COMMENT = Variable.text("reviewComment", "审阅意见");

    @Override
    public List<String> processKeys() {
        return List.of(PROCESS_KEY);
    }
}
