package org.ethnicunity.platform.reportrequest;

import static org.ethnicunity.platform.forms.SubmittedValues.choice;
import static org.ethnicunity.platform.forms.SubmittedValues.options;
import static org.ethnicunity.platform.forms.SubmittedValues.text;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.ethnicunity.platform.RuleViolation;
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
    private static final Map<String, String> DECISIONS = options("ACCEPT", "采用", "RETURN", "退回修改");

    @Override
    public Set<String> formIds() {
        return Set.of(SUBMIT, REVIEW);
    }

    @Override
    public void check(String formId, DelegateTask task) {
        switch (formId) {
            case SUBMIT -> {
                text(task, "reportText", "报送内容");
                Object link = task.getVariable("reportLink");
                if (link != null && link.toString().length() > LINK_MAX) {
                    throw new RuleViolation("reportLink", "「附件链接或存放位置」不能超过 " + LINK_MAX + " 个字符");
                }
            }
            case REVIEW -> {
                boolean returned = "RETURN".equals(choice(task, "reviewDecision", DECISIONS, "审阅结论"));
                Object comment = task.getVariable("reviewComment");
                if (returned || comment != null && !comment.toString().isBlank()) {
                    text(task, "reviewComment", returned ? "退回理由" : "审阅意见");
                }
            }
            default -> throw new IllegalArgumentException(formId);
        }
    }
}
