package org.ethnicunity.platform.exit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.contract.ExitGrounds;
import org.ethnicunity.platform.contract.ExitStart;
import org.ethnicunity.platform.contract.ProcedureKind;
import org.ethnicunity.platform.registry.Designation;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.DynamicProcedures;
import org.ethnicunity.platform.registry.RegistryService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 一票否决事件: a veto event reaches the designation whatever it is doing. A running application is
 * declined through its own model (message {@value #MESSAGE}); a held title has its running
 * re-inspection interrupted the same way and goes into the exit process. Both happen in the exit
 * process's first step ({@link OpenExit}), whether the event is reported in Tasklist or over /api,
 * in the one transaction that starts it.
 */
@Service
class VetoEvents {

    static final String MESSAGE = "vetoEvent";
    private static final Set<DesignationStatus> APPLYING = EnumSet.of(DesignationStatus.APPLYING,
            DesignationStatus.UNDER_REVIEW, DesignationStatus.IN_NOTICE);

    /**
     * What a report did: the instances it ended and the exit instance that recorded it (for an
     * application, that exit ended at once: there is no title to revoke).
     */
    record Outcome(long designationId, String result, List<String> endedProcessInstanceIds, String exitProcessInstanceId) {
    }

    private final RuntimeService runtime;
    private final RegistryService registry;
    private final DynamicProcedures procedures;
    private final ExitMails mails;
    private final BusinessClock clock;

    VetoEvents(RuntimeService runtime, RegistryService registry, DynamicProcedures procedures, ExitMails mails,
               BusinessClock clock) {
        this.runtime = runtime;
        this.registry = registry;
        this.procedures = procedures;
        this.mails = mails;
        this.clock = clock;
    }

    /**
     * A veto event reported over /api by the authenticated caller, whose role the controller has
     * checked: it goes through the exit process's start like the Tasklist form, as the reporter.
     */
    @Transactional
    public Outcome report(long designationId, String description, LocalDate occurredOn) {
        if (occurredOn != null && occurredOn.isAfter(clock.today())) {
            throw new RuleViolation("occurredOn", "「发生日期」（" + occurredOn + "）不能晚于今天（" + clock.today() + "）");
        }
        Designation designation = registry.designation(designationId);
        if (!APPLYING.contains(designation.status()) && !DesignationStatus.HOLDING.contains(designation.status())) {
            throw new RuleViolation("designation.status", "该命名记录的状态为「" + designation.status().label()
                    + "」，既不在申报中也不持有称号，一票否决事件无从处理");
        }
        ProcessInstanceWithVariables exit = runtime.createProcessInstanceByKey(ExitStart.PROCESS_KEY)
                .setVariables(ExitStart.of(designationId, ExitGrounds.VETO_EVENT,
                        (occurredOn == null ? "" : occurredOn + " ") + description.trim()))
                .executeWithVariablesInReturn();
        String ended = ExitContract.VETO_ENDED_INSTANCES.from(exit.getVariables());
        boolean opened = Boolean.TRUE.equals(ExitContract.EXIT_OPENED.from(exit.getVariables()));
        return new Outcome(designationId, opened ? "EXIT_STARTED" : "APPLICATION_DECLINED",
                ended == null ? List.of() : List.of(ended.split(",")), exit.getId());
    }

    /**
     * Ends what runs for the designation because of a veto event: its application (declined, the
     * unit told) or its re-inspection (which closes its own procedure and leaves the status to the
     * exit). A running exit is not interrupted: it already decides about the title.
     * @return the ids of the process instances ended
     */
    List<String> interrupt(ExitCase exit, String description, String actor) {
        Designation designation = exit.designation();
        List<String> ended = new ArrayList<>();
        if (APPLYING.contains(designation.status())) {
            if (!correlate(designation.processInstanceId(), description, ended)) {
                // An application without a running nomination (recorded by hand): declined directly.
                registry.changeStatus(designation.id(), DesignationStatus.DECLINED, actor, "一票否决：" + description, null);
            }
            mails.applicationEndedByVeto(exit, description);
            return ended;
        }
        var running = procedures.running(designation.id());
        if (running.isEmpty()) {
            return ended;
        }
        if (!ProcedureKind.REINSPECTION.name().equals(running.get().kind())) {
            throw new RuleViolation("designation.procedureRunning", "该称号已在退出程序中（流程 "
                    + running.get().processInstanceId() + "），请在该程序「核实退出事由」时一并核实此一票否决事件");
        }
        if (!correlate(running.get().processInstanceId(), description, ended)
                || procedures.running(designation.id()).isPresent()) {
            // The re-inspection model in use lacks its vetoEvent sub-process (an edited model): nothing is written.
            throw new RuleViolation("veto.notReceived", "复核复检流程 " + running.get().processInstanceId()
                    + " 未响应一票否决事件（所用模型缺少 vetoEvent 事件子流程），未作任何更改，请联系管理员 / the re-inspection did not take the veto event");
        }
        return ended;
    }

    private boolean correlate(String processInstanceId, String description, List<String> ended) {
        if (processInstanceId == null || runtime.createEventSubscriptionQuery().processInstanceId(processInstanceId)
                .eventType("message").eventName(MESSAGE).count() == 0) {
            return false;
        }
        runtime.createMessageCorrelation(MESSAGE).processInstanceId(processInstanceId)
                .setVariable(ExitStart.VETO_REASON.name(), ExitStart.VETO_REASON.stored(description)).correlateWithResult();
        ended.add(processInstanceId);
        return true;
    }
}
