package org.ethnicunity.platform.exit;

import static org.ethnicunity.platform.exit.ExitContract.DECISION_COMMENT;
import static org.ethnicunity.platform.exit.ExitContract.EXIT_DECISION;
import static org.ethnicunity.platform.exit.ExitContract.GROUNDS_CONFIRMED;
import static org.ethnicunity.platform.exit.ExitContract.REVOCATION_DOCUMENT_DATE;
import static org.ethnicunity.platform.exit.ExitContract.REVOCATION_DOCUMENT_NUMBER;
import static org.ethnicunity.platform.exit.ExitContract.STATEMENT_TEXT;
import static org.ethnicunity.platform.exit.ExitContract.VERIFICATION_COMMENT;

import java.time.LocalDate;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.forms.FormCheck;
import org.springframework.stereotype.Component;

/**
 * Server-side checks of the exit's task forms: a verdict from the options with its reasons, a
 * statement that says something, and a revocation only with its document number and date.
 */
@Component
class ExitForms implements FormCheck {

    private final BusinessClock clock;

    ExitForms(BusinessClock clock) {
        this.clock = clock;
    }

    @Override
    public Set<String> formIds() {
        return Set.of("exit-verification", "exit-statement", "exit-decision");
    }

    @Override
    public void check(String formId, DelegateTask task) {
        switch (formId) {
            case "exit-verification" -> {
                GROUNDS_CONFIRMED.require(task);
                VERIFICATION_COMMENT.require(task);
            }
            case "exit-statement" -> STATEMENT_TEXT.require(task);
            case "exit-decision" -> decision(task);
            default -> throw new IllegalArgumentException(formId);
        }
    }

    private void decision(DelegateTask task) {
        ExitDecision decision = EXIT_DECISION.require(task);
        DECISION_COMMENT.require(task);
        if (decision != ExitDecision.REVOKE) {
            return;
        }
        REVOCATION_DOCUMENT_NUMBER.require(task);
        LocalDate date = REVOCATION_DOCUMENT_DATE.require(task);
        if (date.isAfter(clock.today())) {
            throw new RuleViolation(REVOCATION_DOCUMENT_DATE.name(), "「发文日期」（" + date + "）不能晚于今天（" + clock.today() + "）");
        }
    }
}
