package org.ethnicunity.platform.exit;

import org.ethnicunity.platform.contract.ExitGrounds;
import org.ethnicunity.platform.contract.ExitStart;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ethnicunity.platform.BusinessClock;
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
        boolean offered = ExitStart.EXIT_GROUNDS.require(execution) != ExitGrounds.DISSOLVED;
        Date due = offered ? settings.statementEndsAt() : null;
        execution.setVariable("statementOffered", offered);
        execution.setVariable("statementDue", due);
        Map<String, Object> facts = facts(execution);
        facts.put("statementDays", settings.getStatementWorkingDays());
        mails.notice(ExitCase.of(registry, execution), facts,
                due == null ? null : due.toInstant().atZone(clock.zone()).toLocalDate());
    }

    /** The process facts the exit's mails quote. */
    static Map<String, Object> facts(DelegateExecution execution) {
        Map<String, Object> facts = new HashMap<>();
        for (String name : new String[] {"exitGroundsLabel", "exitGroundsDetail", "verificationComment",
                "decisionComment", "statementGiven"}) {
            facts.put(name, execution.getVariable(name));
        }
        return facts;
    }
}
