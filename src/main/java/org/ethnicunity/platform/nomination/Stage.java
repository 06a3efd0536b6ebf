package org.ethnicunity.platform.nomination;

import java.util.Arrays;

/** Steps of the nomination that can return or decline an application, by task id in the model. */
enum Stage {
    PreliminaryReview("属地初审", "prelimDecision"),
    CommissionReview("民委材料审核", "commissionDecision"),
    SiteAssessment("实地测评", null),
    LeadingGroupApproval("领导小组审批", "approvalDecision"),
    VerifyObjection("公示异议核实", "objectionUpheld");

    final String label;
    /** The variable holding the decision taken at this step; cleared when the application comes back. */
    final String decisionVariable;

    Stage(String label, String decisionVariable) {
        this.label = label;
        this.decisionVariable = decisionVariable;
    }

    static Stage of(Object name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Unknown nomination stage in model: " + name));
    }
}
