package org.ethnicunity.platform.exit;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ethnicunity.platform.contract.ProcedureOutcome;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.RegistryService;
import org.ethnicunity.platform.security.Actors;
import org.springframework.stereotype.Component;

/**
 * The unit keeps its title (NAMED) and the EXIT procedure closes. Input {@code outcome}:
 * NOT_CONFIRMED (the grounds did not hold up; the unit was never told of them, so it gets no mail
 * about an unproven allegation: the registry's history shows the step) or WARNED (保留称号并警告,
 * the unit is told with the leading group's reasons).
 */
@Component("keepTitle")
class KeepTitle implements JavaDelegate {

    private final RegistryService registry;
    private final ExitMails mails;

    KeepTitle(RegistryService registry, ExitMails mails) {
        this.registry = registry;
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ProcedureOutcome outcome = ExitContract.OUTCOME.require(execution);
        boolean warned = outcome == ProcedureOutcome.WARNED;
        String reason = warned ? "领导小组决定保留称号并予警告：" + ExitContract.DECISION_COMMENT.get(execution)
                : "退出事由经核实不成立：" + ExitContract.VERIFICATION_COMMENT.get(execution);
        registry.changeStatus(ExitContract.DESIGNATION_ID.require(execution), DesignationStatus.NAMED, Actors.current(), reason,
                execution.getProcessInstanceId());
        registry.closeProcedure(execution.getProcessInstanceId(), outcome.name());
        ExitContract.OUTCOME.set(execution, outcome);
        if (warned) {
            mails.warned(ExitCase.of(registry, execution), NotifyExitGrounds.facts(execution));
        }
    }
}
