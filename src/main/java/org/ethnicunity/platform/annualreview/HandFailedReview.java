package org.ethnicunity.platform.annualreview;

import static org.ethnicunity.platform.annualreview.AnnualReviewContract.DESIGNATION_ID;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.FOLLOW_UP;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.FOLLOW_UP_INSTANCE_ID;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.FOLLOW_UP_NOTE;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.GRADE_LABEL;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.REVIEW_YEAR;

import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ethnicunity.platform.contract.AnnualFollowUp;
import org.ethnicunity.platform.contract.ExitGrounds;
import org.ethnicunity.platform.contract.ExitStart;
import org.ethnicunity.platform.contract.ReinspectionStart;
import org.ethnicunity.platform.contract.ReinspectionTrigger;
import org.ethnicunity.platform.registry.Designation;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.DynamicProcedures;
import org.ethnicunity.platform.registry.RegistryService;
import org.ethnicunity.platform.registry.designation.DesignationTransitions;
import org.ethnicunity.platform.security.ApiAccess;
import org.springframework.stereotype.Component;

/**
 * A failing year (不合格, or no report) leads on (DOMAIN.md, annual review): the second failing year
 * in a row starts the exit process, a first one a re-inspection, both by the platform (the reviewer
 * may not start either themself) and in this transaction. What follows is recorded in the review.
 *
 * <p>Whether the started process would accept the designation is checked here, before starting it:
 * a start refused inside this command would leave half-written engine entities behind. A title
 * already in a re-inspection or exit gets no second procedure: the review notes it and the granting
 * commission is told, for that procedure to take the failing year into account.
 */
@Component("handFailedReview")
class HandFailedReview implements JavaDelegate {

    private final AnnualReviews reviews;
    private final RegistryService registry;
    private final DynamicProcedures procedures;
    private final AnnualReviewMails mails;
    private final ApiAccess access;

    HandFailedReview(AnnualReviews reviews, RegistryService registry, DynamicProcedures procedures,
                     AnnualReviewMails mails, ApiAccess access) {
        this.reviews = reviews;
        this.registry = registry;
        this.procedures = procedures;
        this.mails = mails;
        this.access = access;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = DESIGNATION_ID.require(execution);
        int year = REVIEW_YEAR.require(execution);
        String why = year + "年度评估" + GRADE_LABEL.get(execution);
        Designation designation = registry.designation(id);
        Optional<DynamicProcedures.Procedure> running = procedures.running(id);
        boolean twice = reviews.failed(id, year - 1);
        DesignationStatus next = twice ? DesignationStatus.IN_EXIT : DesignationStatus.UNDER_REINSPECTION;
        if (running.isPresent()) {
            String procedure = label(running.get().kind()) + "（流程 " + running.get().processInstanceId() + "）";
            record(execution, AnnualFollowUp.ALREADY_RUNNING, null, why + "；该称号已有正在进行的" + procedure + "，未另行启动");
            mails.followUpNotStarted(execution, procedure);
        } else if (!DesignationTransitions.allowed(designation.status(), next)) {
            // A title no longer held (or in a state the procedure cannot start from): the start would be refused.
            record(execution, AnnualFollowUp.NONE, null, why + "；称号状态为「" + designation.status().label() + "」，不再启动"
                    + (twice ? "退出程序" : "复核复检"));
        } else if (twice) {
            String detail = (year - 1) + "、" + year + "连续两年年度评估不合格（" + year + "年度：" + GRADE_LABEL.get(execution) + "）";
            Map<String, Object> start = ExitStart.of(id, ExitGrounds.ANNUAL_REVIEW_FAILED_TWICE, detail);
            ExitStart.ANNUAL_REVIEW_INSTANCE_ID.put(start, execution.getProcessInstanceId());
            String started = start(execution, ExitStart.PROCESS_KEY, id, start);
            record(execution, AnnualFollowUp.EXIT, started, detail + "，已转入退出程序（流程 " + started + "）");
        } else {
            Map<String, Object> start = ReinspectionStart.of(id, ReinspectionTrigger.ANNUAL_REVIEW_FAILED, false);
            ReinspectionStart.REINSPECTION_REASON.put(start, why);
            ReinspectionStart.ANNUAL_REVIEW_INSTANCE_ID.put(start, execution.getProcessInstanceId());
            String started = start(execution, ReinspectionStart.PROCESS_KEY, id, start);
            record(execution, AnnualFollowUp.REINSPECTION, started, why + "，已启动复核复检（流程 " + started + "）");
        }
    }

    private String start(DelegateExecution execution, String processKey, long designationId, Map<String, Object> variables) {
        return access.asPlatform(() -> execution.getProcessEngineServices().getRuntimeService()
                .startProcessInstanceByKey(processKey, "designation/" + designationId, variables).getId());
    }

    private void record(DelegateExecution execution, AnnualFollowUp followUp, String started, String note) {
        reviews.followUp(execution.getProcessInstanceId(), followUp.name(), started, note);
        FOLLOW_UP.set(execution, followUp);
        FOLLOW_UP_INSTANCE_ID.set(execution, started);
        FOLLOW_UP_NOTE.set(execution, note);
    }

    /** The running procedure's kind (DynamicProcedures: REINSPECTION, EXIT) as the commission names it. */
    private static String label(String kind) {
        return switch (kind) {
            case "REINSPECTION" -> "复核复检";
            case "EXIT" -> "退出程序";
            default -> kind;
        };
    }
}
