package org.ethnicunity.platform.contract;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the re-inspection process ({@code bpmn/reinspection.bpmn}) takes at its start, from its start
 * form or from another process (a failed annual review; an exit decision ordering rectification,
 * which skips straight to the rectification). Here rather than in {@code reinspection}: the exit
 * hands titles to it and it hands titles to the exit.
 */
public final class ReinspectionStart {

    public static final String PROCESS_KEY = "reinspection";
    public static final Variable<ReinspectionTrigger> REINSPECTION_TRIGGER =
            Variable.choice("reinspectionTrigger", "复核复检原因", ReinspectionTrigger.class);
    public static final Variable<Boolean> RECTIFICATION_ORDERED = Variable.flag("rectificationOrdered", "已责令整改");
    public static final Variable<String> REINSPECTION_REASON = Variable.text("reinspectionReason", "复核复检事由");
    /** The annual review whose failure started this re-inspection, if it was one. */
    public static final Variable<String> ANNUAL_REVIEW_INSTANCE_ID = Variable.text("annualReviewInstanceId", "年度评估流程", 64);

    private ReinspectionStart() {
    }

    /** A re-inspection's business key: the designation it checks, whoever starts it. */
    public static String businessKey(long designationId) {
        return "designation/" + designationId;
    }

    /** The start variables of a re-inspection the platform starts. */
    public static Map<String, Object> of(long designationId, ReinspectionTrigger trigger, boolean rectificationOrdered) {
        Map<String, Object> variables = new LinkedHashMap<>();
        Subject.DESIGNATION_ID.put(variables, designationId);
        REINSPECTION_TRIGGER.put(variables, trigger);
        RECTIFICATION_ORDERED.put(variables, rectificationOrdered);
        return variables;
    }
}
