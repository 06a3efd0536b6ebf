package org.ethnicunity.platform.exit;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ethnicunity.platform.contract.ProcedureOutcome;
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
        String number = ExitContract.REVOCATION_DOCUMENT_NUMBER.require(execution);
        LocalDate documentDate = ExitContract.REVOCATION_DOCUMENT_DATE.require(execution);
        long id = ExitContract.DESIGNATION_ID.require(execution);
        registry.revoke(id, number, Actors.current(), "撤销命名，文号 " + number + "（发文日期 " + documentDate
                + "），事由：" + ExitContract.EXIT_GROUNDS_LABEL.get(execution) + "；" + ExitContract.DECISION_COMMENT.get(execution),
                execution.getProcessInstanceId());
        registry.closeProcedure(execution.getProcessInstanceId(), ProcedureOutcome.REVOKED.name());
        Designation revoked = registry.designation(id);
        LocalDate lockoutEnds = revoked.revokedDate().plusYears(rules.revocationLockoutYears());
        ExitContract.OUTCOME.set(execution, ProcedureOutcome.REVOKED);
        ExitContract.LOCKOUT_ENDS.set(execution, lockoutEnds);
        mails.revoked(ExitCase.of(registry, execution), NotifyExitGrounds.facts(execution), number, documentDate,
                revoked.revokedDate(), lockoutEnds);
    }
}
