package org.ethnicunity.platform.exit;

import static org.ethnicunity.platform.forms.SubmittedValues.choice;
import static org.ethnicunity.platform.forms.SubmittedValues.options;
import static org.ethnicunity.platform.forms.SubmittedValues.text;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.RuleViolation;
import org.ethnicunity.platform.forms.FormCheck;
import org.springframework.stereotype.Component;

/**
 * Server-side checks of the exit's task forms: a verdict from the options with its reasons, a
 * statement that says something, and a revocation only with its document number and date.
 */
@Component
class ExitForms implements FormCheck {

    private static final int MAX_NUMBER = 100;
    private static final Map<String, String> VERDICTS = options("CONFIRMED", "事由属实", "NOT_CONFIRMED", "事由不成立");
    private static final Map<String, String> DECISIONS = options("REVOKE", "撤销命名", "WARN", "保留称号并警告",
            "RECTIFY", "责令整改");

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
                choice(task, "groundsConfirmed", VERDICTS, "核实结论");
                text(task, "verificationComment", "核实情况");
            }
            case "exit-statement" -> text(task, "statementText", "陈述申辩意见");
            case "exit-decision" -> decision(task);
            default -> throw new IllegalArgumentException(formId);
        }
    }

    private void decision(DelegateTask task) {
        String decision = choice(task, "exitDecision", DECISIONS, "领导小组决定");
        text(task, "decisionComment", "决定理由");
        if (!"REVOKE".equals(decision)) {
            return;
        }
        String number = text(task, "revocationDocumentNumber", "撤销命名文号");
        if (number.length() > MAX_NUMBER) {
            throw new RuleViolation("revocationDocumentNumber", "「撤销命名文号」不能超过 " + MAX_NUMBER + " 个字符");
        }
        LocalDate date = date(task.getVariable("revocationDocumentDate"));
        if (date.isAfter(clock.today())) {
            throw new RuleViolation("revocationDocumentDate", "「发文日期」（" + date + "）不能晚于今天（" + clock.today() + "）");
        }
    }

    /** A date from a form: Camunda Forms send "2026-06-15" (or with a time); the Java API may pass a Date. */
    static LocalDate date(Object value) {
        if (value instanceof Date d) {
            return new java.sql.Date(d.getTime()).toLocalDate();
        }
        try {
            String text = value == null ? "" : value.toString().trim();
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new RuleViolation("revocationDocumentDate", "撤销命名须填写「发文日期」（格式 2026-06-15）"
                    + (value == null ? "" : "，收到的「" + value + "」不是日期"));
        }
    }
}
