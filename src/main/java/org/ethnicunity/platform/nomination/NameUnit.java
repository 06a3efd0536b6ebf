package org.ethnicunity.platform.nomination;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.registry.Designation;
import org.ethnicunity.platform.registry.RegistryService;
import org.ethnicunity.platform.security.Actors;
import org.springframework.stereotype.Component;

/**
 * Writes the designation as NAMED with the batch's document number and date (批量命名发文, set by
 * the message {@code batchNaming}) and its expiry, and tells the unit. Instances of the earlier model
 * version, named one at a time, carry no date: they are named today.
 */
@Component("nameUnit")
class NameUnit implements JavaDelegate {

    private final RegistryService registry;
    private final NominationMails mails;
    private final BusinessClock clock;

    NameUnit(RegistryService registry, NominationMails mails, BusinessClock clock) {
        this.registry = registry;
        this.mails = mails;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean recommended = Boolean.TRUE.equals(NominationContract.RECOMMEND_NEXT_LEVEL.get(execution));
        LocalDate date = NominationContract.NAMING_DATE.get(execution);
        Designation named = registry.name(NominationContract.DESIGNATION_ID.require(execution),
                NominationContract.DOCUMENT_NUMBER.require(execution), date == null ? clock.today() : date, recommended,
                Actors.current(), execution.getProcessInstanceId());
        NominationContract.OUTCOME.set(execution, NominationContract.Outcome.NAMED);
        NominationContract.EXPIRY_DATE.set(execution, named.expiryDate());
        mails.named(execution, named);
    }
}
