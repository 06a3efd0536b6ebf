package org.ethnicunity.platform.exit;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.contract.ExitGrounds;
import org.ethnicunity.platform.contract.Variable;
import org.ethnicunity.platform.registry.RegistryService;
import org.springframework.stereotype.Component;

/**
 * 书面告知: tells the unit the confirmed grounds and opens its statement window (陈述申辩), whose
 * end ({@code statementDue}) is both the statement task's due date and its timer. A dissolved unit
 * has nobody left to state a case: it is told, and the leading group decides at once.
 */
@Component("notifyExitGrounds")
class NotifyExitGrounds implements JavaDelegate {

    private final RegistryService registry;
    private final ExitModelSettings settings;
    private final ExitMails mails;
    private final BusinessClock clock;

    NotifyExitGrounds(RegistryService registry, ExitModelSettings settings, ExitMails mails, BusinessClock clock) {
        this.registry = registry;
        this.settings = settings;
        this.mails = mails;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean offered = ExitContract.EXIT_GROUNDS.require(execution) != ExitGrounds.DISSOLVED;
        Date due = offered ? settings.statementEndsAt() : null;
        ExitContract.STATEMENT_OFFERED.set(execution, offered);
        ExitContract.STATEMENT_DUE.set(execution, due);
        Map<String, Object> facts = facts(execution);
        facts.put("statementDays", settings.getStatementWorkingDays());
        mails.notice(ExitCase.of(registry, execution), facts,
                due == null ? null : due.toInstant().atZone(clock.zone()).toLocalDate());
    }

    /** The process facts the exit's mails quote. */
    static Map<String, Object> facts(DelegateExecution execution) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (Variable<?> fact : List.of(ExitContract.EXIT_GROUNDS_LABEL, ExitContract.EXIT_GROUNDS_DETAIL,
                ExitContract.VERIFICATION_COMMENT, ExitContract.DECISION_COMMENT, ExitContract.STATEMENT_GIVEN)) {
            facts.put(fact.name(), fact.get(execution));
        }
        return facts;
    }
}
