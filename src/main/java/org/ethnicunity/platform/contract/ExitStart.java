package org.ethnicunity.platform.contract;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the exit process ({@code bpmn/exit.bpmn}) takes at its start, from its start form or from
 * another process that hands a title over (a failed re-inspection, two failed annual reviews).
 * Here rather than in {@code exit} so that those processes use the receiving contract without
 * depending on the exit package (which itself hands titles back to the re-inspection).
 */
public final class ExitStart {

    public static final String PROCESS_KEY = "exit";
    public static final Variable<ExitGrounds> EXIT_GROUNDS = Variable.choice("exitGrounds", "退出事由", ExitGrounds.class);
    public static final Variable<String> EXIT_GROUNDS_DETAIL = Variable.text("exitGroundsDetail", "事由说明");
    /** The annual review whose second failure in a row handed the title over, if it was one. */
    public static final Variable<String> ANNUAL_REVIEW_INSTANCE_ID = Variable.text("annualReviewInstanceId", "年度评估流程", 64);
    /**
     * What a veto event's message ({@code vetoEvent}) carries into the application or re-inspection it
     * ends, as the exit's first step sends it: the event as reported.
     */
    public static final Variable<String> VETO_REASON = Variable.text("vetoReason", "一票否决事件");

    private ExitStart() {
    }

    /** The start variables of an exit handed over by the platform. */
    public static Map<String, Object> of(long designationId, ExitGrounds grounds, String detail) {
        Map<String, Object> variables = new LinkedHashMap<>();
        Subject.DESIGNATION_ID.put(variables, designationId);
        EXIT_GROUNDS.put(variables, grounds);
        EXIT_GROUNDS_DETAIL.put(variables, detail);
        return variables;
    }
}
