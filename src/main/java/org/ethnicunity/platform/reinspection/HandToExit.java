package org.ethnicunity.platform.reinspection;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ethnicunity.platform.registry.RegistryService;
import org.ethnicunity.platform.security.ApiAccess;
import org.springframework.stereotype.Component;

/**
 * A failed check goes to exit (退出): the procedure closes FAILED and the {@code exit} process starts
 * for the designation in the same transaction, by the platform rather than by the person whose
 * completion led here (an assessor or commission member may not start an exit themself). The exit
 * opens its own procedure (IN_EXIT). Input: exitGrounds (REINSPECTION_FAILED or SECOND_CHECK_FAILED).
 */
@Component("handToExit")
class HandToExit implements JavaDelegate {

    private final RegistryService registry;
    private final ReinspectionMails mails;
    private final ApiAccess access;

    HandToExit(RegistryService registry, ReinspectionMails mails, ApiAccess access) {
        this.registry = registry;
        this.mails = mails;
        this.access = access;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String grounds = (String) execution.getVariableLocal("exitGrounds");
        String detail = "SECOND_CHECK_FAILED".equals(grounds)
                ? "整改复查不合格：" + execution.getVariable("secondCheckComment")
                : "复核复检不合格（" + execution.getVariable("siteGrade") + "）：" + execution.getVariable("assessmentSummary");
        registry.closeProcedure(execution.getProcessInstanceId(), "FAILED");
        execution.setVariable("reinspectionOutcome", "FAILED");
        execution.setVariable("exitGrounds", grounds);
        execution.setVariable("exitGroundsDetail", detail);

        Map<String, Object> variables = new HashMap<>();
        variables.put("designationId", ((Number) execution.getVariable("designationId")).longValue());
        variables.put("exitGrounds", grounds);
        variables.put("exitGroundsDetail", detail);
        access.asPlatform(() -> execution.getProcessEngineServices().getRuntimeService()
                .startProcessInstanceByKey("exit", execution.getProcessBusinessKey(), variables));
        mails.failed(execution, detail);
    }
}
