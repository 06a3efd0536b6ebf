package org.ethnicunity.platform.nomination;

import static org.ethnicunity.platform.forms.SubmittedValues.options;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.ethnicunity.platform.RuleViolation;
import org.ethnicunity.platform.forms.FormCheck;
import org.springframework.stereotype.Component;

/**
 * The reviewers' decision forms: the decision must be one of the form's options, and a reason is
 * required whenever the decision is not a plain "yes".
 */
@Component
class DecisionForms implements FormCheck {

    private record Rule(String decision, Map<String, String> options, String comment, Set<String> needsNoComment) {
    }

    private static final Map<String, Rule> RULES = Map.of(
            "nomination-preliminary-review", new Rule("prelimDecision",
                    options("PASS", "通过初审", "RETURN", "退回补充材料", "DECLINE", "不予通过"), "prelimComment", Set.of("PASS")),
            "nomination-commission-review", new Rule("commissionDecision",
                    options("PASS", "审核通过", "RETURN", "退回补充材料", "DECLINE", "不予通过"), "commissionComment", Set.of("PASS")),
            "nomination-approval", new Rule("approvalDecision",
                    options("APPROVE", "批准", "DECLINE", "不予批准"), "approvalComment", Set.of("APPROVE")),
            "nomination-objection-verification", new Rule("objectionUpheld",
                    options("UPHELD", "异议成立", "REJECTED", "异议不成立"), "objectionReply", Set.of()));

    @Override
    public Set<String> formIds() {
        return RULES.keySet();
    }

    @Override
    public void check(String formId, DelegateTask task) {
        Rule rule = RULES.get(formId);
        Object decision = task.getVariable(rule.decision());
        if (decision == null || !rule.options().containsKey(decision.toString())) {
            throw new RuleViolation(rule.decision(), "请选择审核意见（" + String.join("、", rule.options().values())
                    + "）" + (decision == null ? "" : "，收到的「" + decision + "」不是有效选项"));
        }
        if (!rule.needsNoComment().contains(decision.toString()) && ApplicationForm.blank(task.getVariable(rule.comment()))) {
            throw new RuleViolation(rule.comment(), "选择「" + rule.options().get(decision.toString()) + "」时必须填写理由");
        }
    }
}
