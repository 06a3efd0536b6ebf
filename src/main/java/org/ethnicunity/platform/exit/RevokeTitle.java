package org.ethnicunity.platform.exit;

import org.ethnicunity.platform.contract.ExitGrounds;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ethnicunity.platform.registry.Designation;
import org.ethnicunity.platform.registry.RegistryRules;
import org.ethnicunity.platform.registry.RegistryService;
import org.ethnicunity.platform.security.Actors;
import org.springframework.stereotype.Component;

/**
 * 撤销命名: the title is revoked with the leading group's document (REVOKED, revoked today, the
 * lockout starts), the procedure closes, and the unit, the granting commission and the commission
 * one level up are told.
 */
@Component("revokeTitle")
class RevokeTitle implements JavaDelegate {

    private final RegistryService registry;
    private final RegistryRules rules;
    private final ExitMails mails;

    RevokeTitle(RegistryService registry, RegistryRules rules, ExitMails mails) {
        this.registry = registry;
        this.rules = rules;
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String number = execution.getVariable("revocationDocumentNumber").toString().trim();
        LocalDate documentDate = ExitForms.date(execution.getVariable("revocationDocumentDate"));
        long id = ExitCase.designationId(execution);
        registry.revoke(id, number, Actors.current(), "撤销命名，文号 " + number + "（发文日期 " + documentDate
                + "），事由：" + execution.getVariable("exitGroundsLabel") + "；" + execution.getVariable("decisionComment"),
                execution.getProcessInstanceId());
        registry.closeProcedure(execution.getProcessInstanceId(), "REVOKED");
        Designation revoked = registry.designation(id);
        LocalDate lockoutEnds = revoked.revokedDate().plusYears(rules.revocationLockoutYears());
        execution.setVariable("outcome", "REVOKED");
        execution.setVariable("lockoutEnds", lockoutEnds.toString());
        mails.revoked(ExitCase.of(registry, execution), NotifyExitGrounds.facts(execution), number, documentDate,
                revoked.revokedDate(), lockoutEnds);
    }
}
