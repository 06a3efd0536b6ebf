package org.ethnicunity.platform.exit;

import static org.ethnicunity.platform.exit.ExitContract.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.contract.ExitGrounds;
import org.ethnicunity.platform.contract.ProcedureKind;
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
        long designationId = DESIGNATION_ID.require(execution);
        ExitGrounds grounds = EXIT_GROUNDS.require(execution);
        String detail = EXIT_GROUNDS_DETAIL.get(execution);
        if (detail == null) {
            throw new RuleViolation(EXIT_GROUNDS_DETAIL.name(), "请填写「事由说明」：发生了什么、何时、依据哪些材料");
        }
        ExitCase exit = ExitCase.of(registry, designationId);
        String actor = Actors.current();
        checkStarter(actor, grounds, exit);

        execution.setProcessBusinessKey("EXIT/" + designationId);
        DESIGNATION_ID.set(execution, designationId);
        UNIT_ID.set(execution, exit.unit().id());
        UNIT_NAME.set(execution, exit.unit().name());
        UNIT_CONTACT.set(execution, exit.unit().contactUser());
        REGION_CODE.set(execution, exit.unit().regionCode());
        GRANTING_REGION_CODE.set(execution, exit.grantingRegionCode());
        LEVEL_LABEL.set(execution, exit.designation().level().label());
        NAMING_DOCUMENT_NUMBER.set(execution, exit.designation().documentNumber());
        EXIT_GROUNDS_LABEL.set(execution, grounds.label());
        EXIT_GROUNDS_DETAIL.set(execution, detail);
        EXIT_STARTED_BY.set(execution, actor);
        STATEMENT_GIVEN.set(execution, false);

        List<String> ended = grounds == ExitGrounds.VETO_EVENT ? vetoEvents.interrupt(exit, detail, actor) : List.of();
        VETO_ENDED_INSTANCES.set(execution, String.join(",", ended));
        boolean applicationDeclined = exit.designation().status() != DesignationStatus.DECLINED
                && registry.designation(designationId).status() == DesignationStatus.DECLINED;
        if (applicationDeclined) {
            EXIT_OPENED.set(execution, false); // the application was declined: nothing to revoke
            return;
        }
        registry.openProcedure(designationId, ProcedureKind.EXIT.name(), DesignationStatus.IN_EXIT, actor,
                "启动退出程序，事由：" + grounds.label() + "（" + detail + "）", execution.getProcessInstanceId());
        EXIT_OPENED.set(execution, true);
    }

    /**
     * A person starts an exit only as commission or supervision staff of the unit's region (or as an
     * administrator), and only on grounds people raise ({@link ExitGrounds#byPeople()}): the others come
     * from the platform's own start in the process that found them. Grounds from a re-inspection are
     * accepted only while the designation is still in re-inspection or rectification.
     */
    private void checkStarter(String actor, ExitGrounds grounds, ExitCase exit) {
        boolean platform = Actors.SYSTEM.equals(actor);
        if (!grounds.byPeople() && !platform) {
            String raisedBy = ExitGrounds.FROM_REINSPECTION.contains(grounds) ? "复核复检流程在复检不合格时" : "年度评估流程";
            throw new RuleViolation(EXIT_GROUNDS.name(), "退出事由「" + grounds.label() + "」只能由" + raisedBy
                    + "自动提出，不能手工发起；可选：" + ExitGrounds.peopleLabels());
        }
        if (ExitGrounds.FROM_REINSPECTION.contains(grounds)) {
            DesignationStatus status = exit.designation().status();
            if (status != DesignationStatus.UNDER_REINSPECTION && status != DesignationStatus.RECTIFYING) {
                throw new RuleViolation(EXIT_GROUNDS.name(), "退出事由「" + grounds.label() + "」只能由复核复检流程在复检不合格时提出，"
                        + "该命名记录的状态为「" + status.label() + "」");
            }
            return;
        }
        if (platform) {
            return; // the platform's own start, e.g. from a later lifecycle's job
        }
        if (!access.hasRoleFor(exit.unit().regionCode(), List.of(Roles.COMMISSION, Roles.SUPERVISION))) {
            throw new RuleViolation("exit.starter", "您（" + actor + "）不是「" + exit.unit().name() + "」所在地区（"
                    + exit.unit().regionCode() + "）的民委或监督检查人员，不能对其发起退出程序");
        }
    }
}
