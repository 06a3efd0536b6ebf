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
        Stage stage = NominationContract.STAGE.require(execution);
        String reason = NominationContract.REASON.get(execution);
        registry.changeStatus(NominationContract.DESIGNATION_ID.require(execution), DesignationStatus.DECLINED, Actors.current(),
                stage.label() + "：" + reason, execution.getProcessInstanceId());
        NominationContract.OUTCOME.set(execution, NominationContract.Outcome.DECLINED);
        mails.declined(execution, stage, reason);
    }
}
