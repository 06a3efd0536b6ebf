package org.ethnicunity.platform.nomination;

import org.ethnicunity.platform.contract.Option;
import org.ethnicunity.platform.contract.Variable;

/**
 * Steps of the nomination that can return or decline an application, by task id in the model (the
 * model's inputs and the returned-from gateway name them so); the label is the step as mails and
 * the resubmission form name it.
 */
public enum Stage implements Option {
    PreliminaryReview("属地初审"),
    CommissionReview("民委材料审核"),
    SiteAssessment("实地测评"),
    LeadingGroupApproval("领导小组审批"),
    VerifyObjection("公示异议核实");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** The variable holding the decision taken at this step, cleared when the application comes back; null if none. */
    Variable<?> decision() {
        return switch (this) {
            case PreliminaryReview -> NominationContract.PRELIM_DECISION;
            case CommissionReview -> NominationContract.COMMISSION_DECISION;
            case SiteAssessment -> null;
            case LeadingGroupApproval -> NominationContract.APPROVAL_DECISION;
            case VerifyObjection -> NominationContract.OBJECTION_UPHELD;
        };
    }
}
