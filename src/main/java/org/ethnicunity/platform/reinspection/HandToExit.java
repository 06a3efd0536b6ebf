package org.ethnicunity.platform.reinspection;

import static org.ethnicunity.platform.reinspection.ReinspectionContract.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ethnicunity.platform.contract.ExitGrounds;
import org.ethnicunity.platform.contract.ExitStart;
import org.ethnicunity.platform.contract.ProcedureOutcome;
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
        ExitGrounds grounds = EXIT_GROUNDS.require(execution);
        String detail = grounds == ExitGrounds.SECOND_CHECK_FAILED
                ? "整改复查不合格：" + SECOND_CHECK_COMMENT.get(execution)
                : "复核复检不合格（" + SITE_GRADE.get(execution) + "）：" + ASSESSMENT_SUMMARY.get(execution);
        registry.closeProcedure(execution.getProcessInstanceId(), ProcedureOutcome.FAILED.name());
        REINSPECTION_OUTCOME.set(execution, ProcedureOutcome.FAILED);
        EXIT_GROUNDS.set(execution, grounds);
        EXIT_GROUNDS_DETAIL.set(execution, detail);

        Map<String, Object> variables = ExitStart.of(DESIGNATION_ID.require(execution), grounds, detail);
        access.asPlatform(() -> execution.getProcessEngineServices().getRuntimeService()
                .startProcessInstanceByKey(ExitStart.PROCESS_KEY, execution.getProcessBusinessKey(), variables));
        mails.failed(execution, detail);
    }
}
