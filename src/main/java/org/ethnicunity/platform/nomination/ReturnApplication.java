package org.ethnicunity.platform.nomination;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Returns the application to the unit for more material: remembers which step returned it (the
 * resubmission goes back there) and why, and clears that step's decision so the reviewer starts
 * afresh. The unit is told when its task exists ({@link NotifyApplicationReturned}), so the mail can
 * link to it. Inputs from the model: {@code stage} and {@code reason}.
 */
@Component("returnApplication")
class ReturnApplication implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        Stage stage = NominationContract.STAGE.require(execution);
        NominationContract.RETURNED_FROM.set(execution, stage);
        NominationContract.RETURNED_FROM_LABEL.set(execution, stage.label());
        NominationContract.RETURN_REASON.set(execution, NominationContract.REASON.get(execution));
        if (stage.decision() != null) {
            execution.removeVariable(stage.decision().name());
        }
        execution.removeVariable(NominationContract.RESUBMISSION_NOTE.name());
    }
}
