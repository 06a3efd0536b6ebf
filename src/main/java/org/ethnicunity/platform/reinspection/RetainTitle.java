package org.ethnicunity.platform.reinspection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
        String basis = (String) execution.getVariableLocal("basis");
        registry.changeStatus(((Number) execution.getVariable("designationId")).longValue(), DesignationStatus.NAMED,
                Actors.current(), "保留称号：" + basis, execution.getProcessInstanceId());
        registry.closeProcedure(execution.getProcessInstanceId(), "RETAINED");
        execution.setVariable("reinspectionOutcome", "RETAINED");
        mails.retained(execution, basis);
    }
}
