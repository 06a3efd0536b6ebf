package org.ethnicunity.platform.annualreview;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ethnicunity.platform.engine.Caller;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * First step of an annual review: only the platform starts one (a launch, one instance per title
 * selected; nobody signed in), and the review is recorded OPEN for its designation and year. A title
 * that no longer holds (revoked or expired since the selection) is recorded ENDED, and a designation
 * already reviewed that year gets no second row: both end the instance through the model's first
 * gateway ({@code reviewOpened = false}) rather than failing the launch's batch.
 */
@Component("openAnnualReview")
class OpenAnnualReview implements JavaDelegate {

    private final AnnualReviews reviews;
    private final BusinessClock clock;

    OpenAnnualReview(AnnualReviews reviews, BusinessClock clock) {
        this.reviews = reviews;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Caller caller = Caller.current(execution.getProcessEngineServices().getIdentityService());
        if (caller != null && caller.getUserId() != null) {
            throw new RuleViolation("annualReview.starter", "年度评估只能通过批量发起启动（由民委在「批量发起」中选择年度评估），不能单独发起");
        }
        if (execution.getVariable("indicatorSetId") == null) {
            // The selection found no indicator set for the title's level: an administrator must add one first.
            throw new RuleViolation("indicatorSetId", "「" + execution.getVariable("unitName") + "」的" + execution.getVariable("levelLabel")
                    + "称号没有适用的测评指标体系，请先由管理员导入指标体系 / no indicator set for this level");
        }
        int year = ((Number) execution.getVariable("reviewYear")).intValue();
        Object launch = execution.getVariable("launchId");
        var opened = reviews.open(((Number) execution.getVariable("designationId")).longValue(), year,
                launch instanceof Number n ? n.longValue() : null, execution.getProcessInstanceId(), clock.now());
        boolean open = opened.orElse(null) == ReviewStatus.OPEN;
        execution.setVariable("reviewOpened", open);
        execution.setVariable("reviewStatus", opened.map(Enum::name).orElse("ALREADY_REVIEWED"));
    }
}
