package org.ethnicunity.platform.reinspection;

import org.ethnicunity.platform.contract.ReinspectionTrigger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ethnicunity.platform.RuleViolation;
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

    static final String KIND = "REINSPECTION";
    private static final int REASON_MAX = 2_000;

    private final ReinspectionSubjects subjects;
    private final RegistryService registry;

    OpenReinspection(ReinspectionSubjects subjects, RegistryService registry) {
        this.subjects = subjects;
        this.registry = registry;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReinspectionTrigger trigger = ReinspectionTrigger.parse(execution.getVariable("reinspectionTrigger"));
        ReinspectionSubject subject = subjects.of(designationId(execution.getVariable("designationId")));
        StarterCheck.require(Caller.current(execution.getProcessEngineServices().getIdentityService()),
                trigger, subject.grantingRegionCode());
        String reason = reason(execution, trigger);
        boolean rectification = Boolean.TRUE.equals(execution.getVariable("rectificationOrdered"));

        DesignationStatus status = rectification ? DesignationStatus.RECTIFYING : DesignationStatus.UNDER_REINSPECTION;
        registry.openProcedure(subject.designation().id(), KIND, status, Actors.current(),
                "复核复检（" + trigger.label() + "）：" + reason, execution.getProcessInstanceId());

        execution.setProcessBusinessKey("designation/" + subject.designation().id());
        execution.setVariable("designationId", subject.designation().id());
        execution.setVariable("unitId", subject.unit().id());
        execution.setVariable("unitName", subject.unit().name());
        execution.setVariable("unitContact", subject.unit().contactUser());
        execution.setVariable("regionCode", subject.unit().regionCode());
        execution.setVariable("grantingRegionCode", subject.grantingRegionCode());
        execution.setVariable("levelLabel", subject.designation().level().label());
        execution.setVariable("documentNumber", subject.designation().documentNumber());
        execution.setVariable("namedDate", String.valueOf(subject.designation().namedDate()));
        execution.setVariable("indicatorSetId", subject.indicatorSetId());
        execution.setVariable("reinspectionTrigger", trigger.name());
        execution.setVariable("triggerLabel", trigger.label());
        execution.setVariable("reinspectionReason", reason);
        execution.setVariable("rectificationOrdered", rectification);
        execution.setVariable("assessmentSubject", "次复核");
    }

    private static long designationId(Object value) {
        if (value instanceof Number n && n.doubleValue() == n.longValue() && n.longValue() > 0) {
            return n.longValue();
        }
        if (value instanceof String s && s.trim().matches("\\d{1,18}")) {
            return Long.parseLong(s.trim());
        }
        throw new RuleViolation("designationId", value == null || value.toString().isBlank() ? "请填写「命名记录编号」"
                : "「命名记录编号」须为正整数，收到的是「" + value + "」");
    }

    /** People state a reason; a complaint names the complainant (实名投诉). */
    private static String reason(DelegateExecution execution, ReinspectionTrigger trigger) {
        Object reason = execution.getVariable("reinspectionReason");
        if (!trigger.byPeople() && blank(reason)) {
            return trigger.label();
        }
        if (blank(reason)) {
            throw new RuleViolation("reinspectionReason", "请填写「复核复检事由」");
        }
        if (reason.toString().length() > REASON_MAX) {
            throw new RuleViolation("reinspectionReason", "「复核复检事由」不能超过 " + REASON_MAX + " 字");
        }
        if (trigger == ReinspectionTrigger.COMPLAINT) {
            if (blank(execution.getVariable("complainantName"))) {
                throw new RuleViolation("complainantName", "实名投诉须填写「投诉人姓名」");
            }
            if (blank(execution.getVariable("complainantContact"))) {
                throw new RuleViolation("complainantContact", "实名投诉须填写「投诉人联系方式」");
            }
        }
        return reason.toString().trim();
    }

    static boolean blank(Object value) {
        return value == null || value.toString().isBlank();
    }
}
