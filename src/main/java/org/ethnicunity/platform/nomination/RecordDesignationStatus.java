package org.ethnicunity.platform.nomination;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.RegistryService;
import org.ethnicunity.platform.security.Actors;
import org.springframework.stereotype.Component;

/** Records a change of the designation's state named in the model. Inputs: status, reason. */
@Component("recordDesignationStatus")
class RecordDesignationStatus implements JavaDelegate {

    private final RegistryService registry;

    RecordDesignationStatus(RegistryService registry) {
        this.registry = registry;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DesignationStatus status = DesignationStatus.valueOf(NominationContract.STATUS.require(execution));
        registry.changeStatus(NominationContract.DESIGNATION_ID.require(execution), status, Actors.current(),
                NominationContract.REASON.get(execution), execution.getProcessInstanceId());
    }
}
