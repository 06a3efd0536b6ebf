package org.ethnicunity.platform.nomination;

import static org.ethnicunity.platform.nomination.NamingContract.CAMPAIGN_ID;
import static org.ethnicunity.platform.nomination.NamingContract.DOCUMENT_NUMBER;
import static org.ethnicunity.platform.nomination.NamingContract.NAMING_COUNT;
import static org.ethnicunity.platform.nomination.NamingContract.NAMING_DATE;
import static org.ethnicunity.platform.nomination.NamingContract.NAMING_DECISION;
import static org.ethnicunity.platform.nomination.NamingContract.NAMING_NOTE;

import java.time.LocalDate;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.forms.FormCheck;
import org.ethnicunity.platform.nomination.NamingContract.NamingDecision;
import org.ethnicunity.platform.registry.Campaign;
import org.ethnicunity.platform.registry.RegistryService;
import org.springframework.stereotype.Component;

/**
 * The commission's naming decision: name the listed applications under one document number and
 * date, draw the list up again, or drop this naming. The document's date may not lie in the future
 * nor before the campaign opened.
 */
@Component
class NamingConfirmForm implements FormCheck {

    private final RegistryService registry;
    private final BusinessClock clock;

    NamingConfirmForm(RegistryService registry, BusinessClock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public Set<String> formIds() {
        return Set.of("naming-confirm");
    }

    @Override
    public void check(String formId, DelegateTask task) {
        NamingDecision decision = NAMING_DECISION.require(task);
        if (decision == NamingDecision.CANCEL && NAMING_NOTE.get(task) == null) {
            throw new RuleViolation(NAMING_NOTE.name(), "请填写「备注（撤销理由）」");
        }
        if (decision != NamingDecision.NAME) {
            return;
        }
        if (NAMING_COUNT.require(task) == 0) {
            throw new RuleViolation(NAMING_DECISION.name(), "名单中没有可命名的申报，请选择「" + NamingDecision.REFRESH.label()
                    + "」或「" + NamingDecision.CANCEL.label() + "」");
        }
        String number = DOCUMENT_NUMBER.get(task);
        if (number == null) {
            throw new RuleViolation(DOCUMENT_NUMBER.name(), "请填写「命名文号」，例如 奈民创办发〔2026〕5号");
        }
        LocalDate date = namingDate(task);
        LocalDate today = clock.today();
        if (date.isAfter(today)) {
            throw new RuleViolation(NAMING_DATE.name(), "「命名日期」" + date + " 晚于今天（" + today + "），请填写命名文件的印发日期");
        }
        Campaign campaign = registry.campaign(CAMPAIGN_ID.require(task));
        if (date.isBefore(campaign.applicationStart())) {
            throw new RuleViolation(NAMING_DATE.name(), "「命名日期」" + date + " 早于评选批次开始申报的日期 " + campaign.applicationStart());
        }
        // Stored as read: the number trimmed, the day without the time the form may add.
        DOCUMENT_NUMBER.set(task, number);
        NAMING_DATE.set(task, date);
    }

    /** The document's date, with the hints an official needs (the date it was issued, written 2026-06-15). */
    private static LocalDate namingDate(DelegateTask task) {
        LocalDate date;
        try {
            date = NAMING_DATE.get(task);
        } catch (RuleViolation notADate) {
            throw new RuleViolation(NAMING_DATE.name(), "「命名日期」应为 年-月-日（如 2026-06-15），收到的是「"
                    + task.getVariable(NAMING_DATE.name()) + "」");
        }
        if (date == null) {
            throw new RuleViolation(NAMING_DATE.name(), "请填写「命名日期」（命名文件的印发日期）");
        }
        return date;
    }
}
