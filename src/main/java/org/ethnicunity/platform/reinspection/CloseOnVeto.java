package org.ethnicunity.platform.reinspection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ethnicunity.platform.contract.ProcedureOutcome;
import org.ethnicunity.platform.registry.RegistryService;
import org.springframework.stereotype.Component;

/**
 * A veto event (一票否决事件) interrupts the re-inspection: its procedure closes VETO and the status
 * stays as it is, for the exit process that the veto starts in the same transaction to take over.
 */
@Component("closeReinspectionOnVeto")
class CloseOnVeto implements JavaDelegate {

    private final RegistryService registry;

    CloseOnVeto(RegistryService registry) {
        this.registry = registry;
    }

    @Override
    public void execute(DelegateExecution execution) {
        registry.closeProcedure(execution.getProcessInstanceId(), ProcedureOutcome.VETO.name());
        ReinspectionContract.REINSPECTION_OUTCOME.set(execution, ProcedureOutcome.VETO);
    }
}
