package org.ethnicunity.platform.reportrequest;

import static org.ethnicunity.platform.reportrequest.ReportRequestContract.REPORT_LINK;
import static org.ethnicunity.platform.reportrequest.ReportRequestContract.REPORT_TEXT;
import static org.ethnicunity.platform.reportrequest.ReportRequestContract.REVIEW_COMMENT;
import static org.ethnicunity.platform.reportrequest.ReportRequestContract.REVIEW_DECISION;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.forms.FormCheck;
import org.springframework.stereotype.Component;

/**
 * Server-side checks of the report request's forms: a report that says something (a link or a note
 * where the file is may come with it), and a review that accepts or returns it, a return always
 * with the reason the member is sent.
 */
@Component
class ReportRequestForms implements FormCheck {

    static final String SUBMIT = "report-request-submit";
    static final String REVIEW = "report-request-review";
    private static final int LINK_MAX = 1_000;

    @Override
    public Set<String> formIds() {
        return Set.of(SUBMIT, REVIEW);
    }

    @Override
    public void check(String formId, DelegateTask task) {
        switch (formId) {
            case SUBMIT -> {
                REPORT_TEXT.require(task);
                String link = REPORT_LINK.get(task);
                if (link != null && link.length() > LINK_MAX) {
                    throw new RuleViolation(REPORT_LINK.name(), "「" + REPORT_LINK.label() + "」不能超过 " + LINK_MAX + " 个字符");
                }
            }
            case REVIEW -> {
                boolean returned = REVIEW_DECISION.require(task) == ReviewDecision.RETURN;
                String comment = REVIEW_COMMENT.get(task); // read even when optional: a comment given must be a text of bounded length
                if (returned && comment == null) {
                    throw new RuleViolation(REVIEW_COMMENT.name(), "请填写「退回理由」");
                }
            }
            default -> throw new IllegalArgumentException(formId);
        }
    }
}
