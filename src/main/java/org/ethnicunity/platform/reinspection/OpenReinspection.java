package org.ethnicunity.platform.reinspection;

import static org.ethnicunity.platform.reinspection.ReinspectionContract.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.contract.ProcedureKind;
import org.ethnicunity.platform.contract.ReinspectionStart;
import org.ethnicunity.platform.contract.ReinspectionTrigger;
import org.ethnicunity.platform.engine.Caller;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.RegistryService;
import org.ethnicunity.platform.security.Actors;
import org.springframework.stereotype.Component;

/**
 * First step of a re-inspection: checks the start (form values, the starter's role and region) and
 * opens the REINSPECTION procedure of the designation, moving it to UNDER_REINSPECTION, or straight
 * to RECTIFYING when an exit decision ordered rectification. It runs in the transaction that starts
 * the instance: a refusal leaves no instance and no record, and of two simultaneous starts for one
 * designation the database lets one through.
 */
@Component("openReinspection")
class OpenReinspection implements JavaDelegate {

    private static final int REASON_MAX = 2_000;

    private final ReinspectionSubjects subjects;
    private final RegistryService registry;

    OpenReinspection(ReinspectionSubjects subjects, RegistryService registry) {
        this.subjects = subjects;
        this.registry = registry;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReinspectionTrigger trigger = ReinspectionTrigger.parse(execution.getVariable(REINSPECTION_TRIGGER.name()));
        ReinspectionSubject subject = subjects.of(DESIGNATION_ID.require(execution));
        StarterCheck.require(Caller.current(execution.getProcessEngineServices().getIdentityService()),
                trigger, subject.grantingRegionCode());
        String reason = reason(execution, trigger);
        boolean rectification = Boolean.TRUE.equals(RECTIFICATION_ORDERED.get(execution));

        DesignationStatus status = rectification ? DesignationStatus.RECTIFYING : DesignationStatus.UNDER_REINSPECTION;
        registry.openProcedure(subject.designation().id(), ProcedureKind.REINSPECTION.name(), status, Actors.current(),
                "复核复检（" + trigger.label() + "）：" + reason, execution.getProcessInstanceId());

        execution.setProcessBusinessKey(ReinspectionStart.businessKey(subject.designation().id()));
        DESIGNATION_ID.set(execution, subject.designation().id());
        UNIT_ID.set(execution, subject.unit().id());
        UNIT_NAME.set(execution, subject.unit().name());
        UNIT_CONTACT.set(execution, subject.unit().contactUser());
        REGION_CODE.set(execution, subject.unit().regionCode());
        GRANTING_REGION_CODE.set(execution, subject.grantingRegionCode());
        LEVEL_LABEL.set(execution, subject.designation().level().label());
        NAMING_DOCUMENT_NUMBER.set(execution, subject.designation().documentNumber());
        NAMED_DATE.set(execution, subject.designation().namedDate());
        INDICATOR_SET_ID.set(execution, subject.indicatorSetId());
        REINSPECTION_TRIGGER.set(execution, trigger);
        TRIGGER_LABEL.set(execution, trigger.label());
        REINSPECTION_REASON.set(execution, reason);
        RECTIFICATION_ORDERED.set(execution, rectification);
        ASSESSMENT_SUBJECT.set(execution, "次复核");
    }

    /** People state a reason; a complaint names the complainant (实名投诉). */
    private static String reason(DelegateExecution execution, ReinspectionTrigger trigger) {
        String reason = REINSPECTION_REASON.get(execution);
        if (!trigger.byPeople() && reason == null) {
            return trigger.label();
        }
        if (reason == null) {
            throw new RuleViolation(REINSPECTION_REASON.name(), "请填写「复核复检事由」");
        }
        if (reason.length() > REASON_MAX) {
            throw new RuleViolation(REINSPECTION_REASON.name(), "「复核复检事由」不能超过 " + REASON_MAX + " 字");
        }
        if (trigger == ReinspectionTrigger.COMPLAINT) {
            if (COMPLAINANT_NAME.get(execution) == null) {
                throw new RuleViolation(COMPLAINANT_NAME.name(), "实名投诉须填写「投诉人姓名」");
            }
            if (COMPLAINANT_CONTACT.get(execution) == null) {
                throw new RuleViolation(COMPLAINANT_CONTACT.name(), "实名投诉须填写「投诉人联系方式」");
            }
        }
        return reason;
    }
}
