package org.ethnicunity.platform.exit;

import org.ethnicunity.platform.contract.ExitGrounds;
import org.ethnicunity.platform.contract.ExitStart;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ethnicunity.platform.RuleViolation;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.RegistryService;
import org.ethnicunity.platform.security.Actors;
import org.ethnicunity.platform.security.ApiAccess;
import org.ethnicunity.platform.security.Roles;
import org.springframework.stereotype.Component;

/**
 * First step of an exit: checks who starts it and on what grounds, and opens the EXIT procedure
 * (status IN_EXIT). A veto event first ends what runs for the designation (its nomination, or its
 * re-inspection); when that was an application, there is no title to revoke and the exit ends
 * here ({@code exitOpened = false}). Runs in the starting transaction: a refusal leaves nothing.
 */
@Component("openExit")
class OpenExit implements JavaDelegate {

    private final RegistryService registry;
    private final ApiAccess access;
    private final VetoEvents vetoEvents;

    OpenExit(RegistryService registry, ApiAccess access, VetoEvents vetoEvents) {
        this.registry = registry;
        this.access = access;
        this.vetoEvents = vetoEvents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long designationId = designationId(execution.getVariable("designationId"));
        ExitGrounds grounds = ExitStart.EXIT_GROUNDS.require(execution);
        Object detail = execution.getVariable("exitGroundsDetail");
        if (detail == null || detail.toString().isBlank()) {
            throw new RuleViolation("exitGroundsDetail", "请填写「事由说明」：发生了什么、何时、依据哪些材料");
        }
        ExitCase exit = ExitCase.of(registry, designationId);
        String actor = Actors.current();
        checkStarter(actor, grounds, exit);

        execution.setProcessBusinessKey("EXIT/" + designationId);
        execution.setVariable("designationId", designationId);
        execution.setVariable("unitId", exit.unit().id());
        execution.setVariable("unitName", exit.unit().name());
        execution.setVariable("unitContact", exit.unit().contactUser());
        execution.setVariable("regionCode", exit.unit().regionCode());
        execution.setVariable("grantingRegionCode", exit.grantingRegionCode());
        execution.setVariable("levelLabel", exit.designation().level().label());
        execution.setVariable("namingDocumentNumber", exit.designation().documentNumber());
        execution.setVariable("exitGroundsLabel", grounds.label());
        execution.setVariable("exitGroundsDetail", detail.toString().trim());
        execution.setVariable("exitStartedBy", actor);
        execution.setVariable("statementGiven", false);

        List<String> ended = grounds == ExitGrounds.VETO_EVENT
                ? vetoEvents.interrupt(exit, detail.toString().trim(), actor) : List.of();
        execution.setVariable("vetoEndedInstances", String.join(",", ended));
        boolean applicationDeclined = exit.designation().status() != DesignationStatus.DECLINED
                && registry.designation(designationId).status() == DesignationStatus.DECLINED;
        if (applicationDeclined) {
            execution.setVariable("exitOpened", false); // the application was declined: nothing to revoke
            return;
        }
        registry.openProcedure(designationId, "EXIT", DesignationStatus.IN_EXIT, actor,
                "启动退出程序，事由：" + grounds.label() + "（" + detail.toString().trim() + "）", execution.getProcessInstanceId());
        execution.setVariable("exitOpened", true);
    }

    /**
     * A person starts an exit only as commission or supervision staff of the unit's region (or as an
     * administrator). Grounds from a re-inspection are accepted from its closing step only: the
     * designation is then still in re-inspection or rectification with no procedure running.
     */
    private void checkStarter(String actor, ExitGrounds grounds, ExitCase exit) {
        if (ExitGrounds.FROM_REINSPECTION.contains(grounds)) {
            if (!Actors.SYSTEM.equals(actor)) {
                throw new RuleViolation("exitGrounds", "退出事由「" + grounds.label() + "」只能由复核复检流程在复检不合格时提出");
            }
            DesignationStatus status = exit.designation().status();
            if (status != DesignationStatus.UNDER_REINSPECTION && status != DesignationStatus.RECTIFYING) {
                throw new RuleViolation("exitGrounds", "退出事由「" + grounds.label() + "」只能由复核复检流程在复检不合格时提出，"
                        + "该命名记录的状态为「" + status.label() + "」");
            }
            return;
        }
        if (Actors.SYSTEM.equals(actor)) {
            return; // the platform's own start, e.g. from a later lifecycle's job
        }
        if (!access.hasRoleFor(exit.unit().regionCode(), List.of(Roles.COMMISSION, Roles.SUPERVISION))) {
            throw new RuleViolation("exit.starter", "您（" + actor + "）不是「" + exit.unit().name() + "」所在地区（"
                    + exit.unit().regionCode() + "）的民委或监督检查人员，不能对其发起退出程序");
        }
    }

    private static long designationId(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(value == null ? "" : value.toString().trim());
        } catch (NumberFormatException e) {
            throw new RuleViolation("designationId", "请填写「命名记录编号」（登记库中的编号，数字）"
                    + (value == null ? "" : "，收到的「" + value + "」不是编号"));
        }
    }
}
