package org.ethnicunity.platform.nomination;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ethnicunity.platform.registry.Designation;
import org.ethnicunity.platform.registry.RegistryService;
import org.ethnicunity.platform.security.Actors;
import org.springframework.stereotype.Component;

/** Writes the designation as NAMED with its document number and expiry, and tells the unit. */
@Component("nameUnit")
class NameUnit implements JavaDelegate {

    private final RegistryService registry;
    private final NominationMails mails;

    NameUnit(RegistryService registry, NominationMails mails) {
        this.registry = registry;
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean recommended = Boolean.TRUE.equals(execution.getVariable("recommendNextLevel"));
        Designation named = registry.name(NominationMails.designationId(execution),
                execution.getVariable("documentNumber").toString().trim(), recommended, Actors.current(),
                execution.getProcessInstanceId());
        execution.setVariable("outcome", "NAMED");
        execution.setVariable("expiryDate", named.expiryDate().toString());
        mails.named(execution, named);
    }
}
