package org.ethnicunity.platform.nomination;

import static org.ethnicunity.platform.forms.SubmittedValues.options;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.RuleViolation;
import org.ethnicunity.platform.forms.FormCheck;
import org.ethnicunity.platform.forms.SubmittedValues;
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

    static final Map<String, String> DECISIONS = options("NAME", "确认名单，命名发文", "REFRESH", "刷新名单",
            "CANCEL", "撤销本次命名");
    private static final int NUMBER_MAX = 100;

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
        String decision = SubmittedValues.choice(task, "namingDecision", DECISIONS, "命名决定");
        if ("CANCEL".equals(decision)) {
            SubmittedValues.text(task, "namingNote", "备注（撤销理由）");
        }
        if (!"NAME".equals(decision)) {
            return;
        }
        if (((Number) task.getVariable("namingCount")).intValue() == 0) {
            throw new RuleViolation("namingDecision", "名单中没有可命名的申报，请选择「刷新名单」或「撤销本次命名」");
        }
        Object number = task.getVariable("documentNumber");
        if (ApplicationForm.blank(number)) {
            throw new RuleViolation("documentNumber", "请填写「命名文号」，例如 奈民创办发〔2026〕5号");
        }
        if (number.toString().trim().length() > NUMBER_MAX) {
            throw new RuleViolation("documentNumber", "「命名文号」不能超过 " + NUMBER_MAX + " 个字符");
        }
        Object value = task.getVariable("namingDate");
        if (ApplicationForm.blank(value)) {
            throw new RuleViolation("namingDate", "请填写「命名日期」（命名文件的印发日期）");
        }
        LocalDate date = date(value);
        LocalDate today = clock.today();
        if (date.isAfter(today)) {
            throw new RuleViolation("namingDate", "「命名日期」" + date + " 晚于今天（" + today + "），请填写命名文件的印发日期");
        }
        Campaign campaign = registry.campaign(((Number) task.getVariable("campaignId")).longValue());
        if (date.isBefore(campaign.applicationStart())) {
            throw new RuleViolation("namingDate", "「命名日期」" + date + " 早于评选批次开始申报的日期 " + campaign.applicationStart());
        }
        task.setVariable("documentNumber", number.toString().trim());
        task.setVariable("namingDate", date.toString());
    }

    /** A date as the form sends it (2026-06-15, or with a time after it). */
    static LocalDate date(Object value) {
        String s = value.toString().trim();
        try {
            return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        } catch (DateTimeParseException e) {
            throw new RuleViolation("namingDate", "「命名日期」应为 年-月-日（如 2026-06-15），收到的是「" + s + "」");
        }
    }
}
