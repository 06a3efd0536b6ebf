package org.ethnicunity.platform.exit;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ethnicunity.platform.contract.ProcedureOutcome;
import org.ethnicunity.platform.contract.ReinspectionStart;
import org.ethnicunity.platform.contract.ReinspectionTrigger;
import org.ethnicunity.platform.registry.RegistryService;
import org.ethnicunity.platform.security.ApiAccess;
import org.springframework.stereotype.Component;

/**
 * 责令整改: the exit closes (outcome RECTIFY) and hands the designation to the re-inspection's
 * rectification path, which opens its own procedure (status RECTIFYING) in this transaction. The
 * re-inspection is started by the platform, not as the leading-group member who decided: its start
 * form and start permission are for people who start one by hand.
 */
@Component("handToRectification")
class HandToRectification implements JavaDelegate {

    private final RegistryService registry;
    private final ExitMails mails;
    private final ApiAccess access;

    HandToRectification(RegistryService registry, ExitMails mails, ApiAccess access) {
        this.registry = registry;
        this.mails = mails;
        this.access = access;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ExitContract.DESIGNATION_ID.require(execution);
        registry.closeProcedure(execution.getProcessInstanceId(), ProcedureOutcome.RECTIFY.name());
        String started = access.asPlatform(() -> execution.getProcessEngineServices().getRuntimeService()
                .startProcessInstanceByKey(ReinspectionStart.PROCESS_KEY, ReinspectionStart.businessKey(id),
                        ReinspectionStart.of(id, ReinspectionTrigger.EXIT_DECISION, true)).getId());
        ExitContract.OUTCOME.set(execution, ProcedureOutcome.RECTIFY);
        ExitContract.RECTIFICATION_INSTANCE_ID.set(execution, started);
        mails.rectificationOrdered(ExitCase.of(registry, execution), NotifyExitGrounds.facts(execution));
    }
}
