package org.ethnicunity.platform.reinspection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ethnicunity.platform.contract.ProcedureOutcome;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.RegistryService;
import org.ethnicunity.platform.security.Actors;
import org.springframework.stereotype.Component;

/** 保留称号: the designation is NAMED again, the procedure closes RETAINED, the unit is told why. Input: basis. */
@Component("retainTitle")
class RetainTitle implements JavaDelegate {

    private final RegistryService registry;
    private final ReinspectionMails mails;

    RetainTitle(RegistryService registry, ReinspectionMails mails) {
        this.registry = registry;
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String basis = ReinspectionContract.BASIS.get(execution);
        registry.changeStatus(ReinspectionContract.DESIGNATION_ID.require(execution), DesignationStatus.NAMED,
                Actors.current(), "保留称号：" + basis, execution.getProcessInstanceId());
        registry.closeProcedure(execution.getProcessInstanceId(), ProcedureOutcome.RETAINED.name());
        ReinspectionContract.REINSPECTION_OUTCOME.set(execution, ProcedureOutcome.RETAINED);
        mails.retained(execution, basis);
    }
}
