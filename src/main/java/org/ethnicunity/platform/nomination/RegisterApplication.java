package org.ethnicunity.platform.nomination;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ethnicunity.platform.RuleViolation;
import org.ethnicunity.platform.indicators.IndicatorSet;
import org.ethnicunity.platform.registry.Campaign;
import org.ethnicunity.platform.registry.Designation;
import org.ethnicunity.platform.registry.RegistryService;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.ethnicunity.platform.security.Actors;
import org.springframework.stereotype.Component;

/**
 * First step of an application: finds the unit (the applicant is its contact) and the campaign,
 * checks the form and every eligibility rule, and records the application as APPLYING. It runs in
 * the transaction that starts the instance, so a refusal leaves no instance and no record behind.
 */
@Component("registerApplication")
class RegisterApplication implements JavaDelegate {

    private final RegistryService registry;
    private final UnitRepository units;
    private final ApplicationForm form;
    private final RecommendedApplication recommended;

    RegisterApplication(RegistryService registry, UnitRepository units, ApplicationForm form,
                        RecommendedApplication recommended) {
        this.registry = registry;
        this.units = units;
        this.form = form;
        this.recommended = recommended;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // The authenticated caller, never a variable the caller could have sent along with the form.
        String applicant = Actors.current();
        if (Actors.SYSTEM.equals(applicant)) {
            applicant = (String) execution.getVariable("applicant");
        }
        Campaign campaign = campaign(execution);
        Unit unit = unit(execution, applicant);
        IndicatorSet indicators = form.indicatorSet(campaign.indicatorSetId());
        double selfTotal = form.selfTotal(indicators, execution::getVariable).doubleValue();

        recommended.check(unit, campaign, execution);
        Designation designation = registry.openApplication(unit, campaign, applicant, execution.getProcessInstanceId());

        execution.setProcessBusinessKey(campaign.code() + "/" + unit.id());
        execution.setVariable("applicant", applicant);
        execution.setVariable("designationId", designation.id());
        execution.setVariable("unitId", unit.id());
        execution.setVariable("unitName", unit.name());
        execution.setVariable("unitTypeLabel", unit.unitType().label());
        execution.setVariable("regionCode", unit.regionCode());
        execution.setVariable("unitContact", unit.contactUser());
        execution.setVariable("campaignId", campaign.id());
        execution.setVariable("campaignCode", campaign.code());
        execution.setVariable("campaignName", campaign.name());
        execution.setVariable("campaignRegionCode", campaign.regionCode());
        execution.setVariable("levelLabel", campaign.level().label());
        execution.setVariable("indicatorSetId", indicators.id());
        execution.setVariable("passLine", indicators.passLine().doubleValue());
        execution.setVariable("selfTotal", selfTotal);
    }

    private Campaign campaign(DelegateExecution execution) {
        Object id = execution.getVariable("campaignId");
        if (id != null) {
            return registry.campaign(((Number) id).longValue());
        }
        Object code = execution.getVariable("campaignCode");
        if (ApplicationForm.blank(code)) {
            throw new RuleViolation("campaignCode", "请填写「评选批次编号」");
        }
        return registry.campaignByCode(code.toString());
    }

    /** The unit the applicant acts for: named by unitId, or the only unit the applicant is contact of. */
    private Unit unit(DelegateExecution execution, String applicant) {
        Object id = execution.getVariable("unitId");
        if (id != null) {
            Unit unit = registry.unit(((Number) id).longValue());
            if (!unit.contactUser().equals(applicant)) {
                throw new RuleViolation("unitId", "您（" + applicant + "）不是「" + unit.name() + "」的联系人，不能代其申报");
            }
            return unit;
        }
        List<Unit> own = units.findByContact(applicant);
        if (own.isEmpty()) {
            throw new RuleViolation("unitId", "您的账号（" + applicant + "）未登记为任何创建单位的联系人，请联系民委登记后再申报");
        }
        if (own.size() > 1) {
            throw new RuleViolation("unitId", "您是多个单位的联系人，请通过接口指定 unitId（可选："
                    + own.stream().map(u -> u.id() + " " + u.name()).reduce((a, b) -> a + "、" + b).orElse("") + "）");
        }
        return own.get(0);
    }
}
