package org.ethnicunity.platform.nomination;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.contract.Option;
import org.ethnicunity.platform.contract.Variable;
import org.ethnicunity.platform.forms.FormCheck;
import org.ethnicunity.platform.nomination.NominationContract.ApprovalDecision;
import org.ethnicunity.platform.nomination.NominationContract.CommissionVerdict;
import org.ethnicunity.platform.nomination.NominationContract.PreliminaryVerdict;
import org.springframework.stereotype.Component;

/**
 * The reviewers' decision forms: the decision must be one of the form's options, and a reason is
 * required whenever the decision is not a plain "yes".
 */
@Component
class DecisionForms implements FormCheck {

    /** @param plainYes the options that need no reason (none for an objection: the objector is answered either way) */
    private record Rule(Variable<? extends Option> decision, Variable<String> reason, Set<Option> plainYes) {
    }

    private static final Map<String, Rule> RULES = Map.of(
            "nomination-preliminary-review", new Rule(NominationContract.PRELIM_DECISION,
                    NominationContract.PRELIM_COMMENT, Set.of(PreliminaryVerdict.PASS)),
            "nomination-commission-review", new Rule(NominationContract.COMMISSION_DECISION,
                    NominationContract.COMMISSION_COMMENT, Set.of(CommissionVerdict.PASS)),
            "nomination-approval", new Rule(NominationContract.APPROVAL_DECISION,
                    NominationContract.APPROVAL_COMMENT, Set.of(ApprovalDecision.APPROVE)),
            "nomination-objection-verification", new Rule(NominationContract.OBJECTION_UPHELD,
                    NominationContract.OBJECTION_REPLY, Set.of()));

    @Override
    public Set<String> formIds() {
        return RULES.keySet();
    }

    @Override
    public void check(String formId, DelegateTask task) {
        Rule rule = RULES.get(formId);
        Option decision = rule.decision().require(task);
        if (!rule.plainYes().contains(decision) && rule.reason().get(task) == null) {
            throw new RuleViolation(rule.reason().name(), "选择「" + decision.label() + "」时必须填写理由");
        }
    }
}
