package org.ethnicunity.platform.nomination;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.RegistryService;
import org.ethnicunity.platform.security.Actors;
import org.springframework.stereotype.Component;

/** Closes the application as DECLINED with the step and reason, and tells the unit. Inputs: stage, reason. */
@Component("declineApplication")
class DeclineApplication implements JavaDelegate {

    private final RegistryService registry;
    private final NominationMails mails;

    DeclineApplication(RegistryService registry, NominationMails mails) {
        this.registry = registry;
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Stage stage = Stage.of(execution.getVariableLocal("stage"));
        String reason = (String) execution.getVariableLocal("reason");
        registry.changeStatus(NominationMails.designationId(execution), DesignationStatus.DECLINED, Actors.current(),
                stage.label + "：" + reason, execution.getProcessInstanceId());
        execution.setVariable("outcome", "DECLINED");
        mails.declined(execution, stage, reason);
    }
}
