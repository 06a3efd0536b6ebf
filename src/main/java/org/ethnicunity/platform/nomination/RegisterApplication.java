package org.ethnicunity.platform.nomination;

import static org.ethnicunity.platform.nomination.NominationContract.APPLICANT;
import static org.ethnicunity.platform.nomination.NominationContract.CAMPAIGN_CODE;
import static org.ethnicunity.platform.nomination.NominationContract.CAMPAIGN_ID;
import static org.ethnicunity.platform.nomination.NominationContract.CAMPAIGN_NAME;
import static org.ethnicunity.platform.nomination.NominationContract.CAMPAIGN_REGION_CODE;
import static org.ethnicunity.platform.nomination.NominationContract.DESIGNATION_ID;
import static org.ethnicunity.platform.nomination.NominationContract.INDICATOR_SET_ID;
import static org.ethnicunity.platform.nomination.NominationContract.LEVEL_LABEL;
import static org.ethnicunity.platform.nomination.NominationContract.PASS_LINE;
import static org.ethnicunity.platform.nomination.NominationContract.REGION_CODE;
import static org.ethnicunity.platform.nomination.NominationContract.SELF_TOTAL;
import static org.ethnicunity.platform.nomination.NominationContract.UNIT_CONTACT;
import static org.ethnicunity.platform.nomination.NominationContract.UNIT_ID;
import static org.ethnicunity.platform.nomination.NominationContract.UNIT_NAME;
import static org.ethnicunity.platform.nomination.NominationContract.UNIT_TYPE_LABEL;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ethnicunity.platform.engine.RuleViolation;
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
            applicant = APPLICANT.get(execution);
        }
        Campaign campaign = campaign(execution);
        Unit unit = unit(execution, applicant);
        IndicatorSet indicators = form.indicatorSet(campaign.indicatorSetId());
        double selfTotal = form.selfTotal(indicators, execution).doubleValue();

        recommended.check(unit, campaign, execution);
        Designation designation = registry.openApplication(unit, campaign, applicant, execution.getProcessInstanceId());

        execution.setProcessBusinessKey(campaign.code() + "/" + unit.id());
        APPLICANT.set(execution, applicant);
        DESIGNATION_ID.set(execution, designation.id());
        UNIT_ID.set(execution, unit.id());
        UNIT_NAME.set(execution, unit.name());
        UNIT_TYPE_LABEL.set(execution, unit.unitType().label());
        REGION_CODE.set(execution, unit.regionCode());
        UNIT_CONTACT.set(execution, unit.contactUser());
        CAMPAIGN_ID.set(execution, campaign.id());
        CAMPAIGN_CODE.set(execution, campaign.code());
        CAMPAIGN_NAME.set(execution, campaign.name());
        CAMPAIGN_REGION_CODE.set(execution, campaign.regionCode());
        LEVEL_LABEL.set(execution, campaign.level().label());
        INDICATOR_SET_ID.set(execution, indicators.id());
        PASS_LINE.set(execution, indicators.passLine().doubleValue());
        SELF_TOTAL.set(execution, selfTotal);
    }

    private Campaign campaign(DelegateExecution execution) {
        Long id = CAMPAIGN_ID.get(execution);
        if (id != null) {
            return registry.campaign(id);
        }
        String code = CAMPAIGN_CODE.get(execution);
        if (code == null) {
            throw new RuleViolation(CAMPAIGN_CODE.name(), "请填写「" + CAMPAIGN_CODE.label() + "」");
        }
        return registry.campaignByCode(code);
    }

    /** The unit the applicant acts for: named by unitId, or the only unit the applicant is contact of. */
    private Unit unit(DelegateExecution execution, String applicant) {
        Long id = UNIT_ID.get(execution);
        if (id != null) {
            Unit unit = registry.unit(id);
            if (!unit.contactUser().equals(applicant)) {
                throw new RuleViolation(UNIT_ID.name(), "您（" + applicant + "）不是「" + unit.name() + "」的联系人，不能代其申报");
            }
            return unit;
        }
        List<Unit> own = units.findByContact(applicant);
        if (own.isEmpty()) {
            throw new RuleViolation(UNIT_ID.name(), "您的账号（" + applicant + "）未登记为任何创建单位的联系人，请联系民委登记后再申报");
        }
        if (own.size() > 1) {
            throw new RuleViolation(UNIT_ID.name(), "您是多个单位的联系人，请通过接口指定 unitId（可选："
                    + own.stream().map(u -> u.id() + " " + u.name()).reduce((a, b) -> a + "、" + b).orElse("") + "）");
        }
        return own.get(0);
    }
}
