package org.ethnicunity.platform.nomination;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.ethnicunity.platform.RuleViolation;
import org.ethnicunity.platform.forms.FormCheck;
import org.springframework.stereotype.Component;

/** The naming form: a document number (文号) is what makes the title official. */
@Component
class NamingForm implements FormCheck {

    private static final int MAX = 100;

    @Override
    public Set<String> formIds() {
        return Set.of("nomination-naming");
    }

    @Override
    public void check(String formId, DelegateTask task) {
        Object number = task.getVariable("documentNumber");
        if (ApplicationForm.blank(number)) {
            throw new RuleViolation("documentNumber", "请填写「命名文号」，例如 奈民创办发〔2026〕5号");
        }
        if (number.toString().trim().length() > MAX) {
            throw new RuleViolation("documentNumber", "「命名文号」不能超过 " + MAX + " 个字符");
        }
        Object recommend = task.getVariable("recommendNextLevel");
        if (recommend != null && !(recommend instanceof Boolean)) {
            throw new RuleViolation("recommendNextLevel", "「推荐参加上一级评选」只能是 true 或 false");
        }
    }
}
