package org.ethnicunity.platform.nomination;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ethnicunity.platform.engine.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * Names every application of the confirmed list (命名发文): each nomination instance gets the
 * message {@code batchNaming} with the document number and date and names its unit (registry and
 * mail) on the spot. All of it runs in the transaction that completes the commission's task, so the
 * batch is named whole or not at all: if one application left the list meanwhile (declined by a
 * veto event, say), nothing is named and the commission is asked to refresh the list.
 */
@Component("nameBatch")
class NameBatch implements JavaDelegate {

    static final String MESSAGE = "batchNaming";

    private final NamingCandidates candidates;

    NameBatch(NamingCandidates candidates) {
        this.candidates = candidates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        NamingList list = NamingList.of(execution.getVariableTyped(NamingContract.NAMING_LIST.name()));
        List<String> gone = list.ready().stream().filter(e -> !candidates.awaiting(e.processInstanceId()))
                .map(NamingList.Entry::unitName).toList();
        if (!gone.isEmpty()) {
            throw new RuleViolation(NamingContract.NAMING_LIST.name(), "名单已有变化：「" + String.join("」「", gone)
                    + "」已不在待命名状态。本次未命名任何单位，请选择「" + NamingContract.NamingDecision.REFRESH.label() + "」核对后重新确认");
        }
        RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
        var naming = NominationContract.naming(NamingContract.DOCUMENT_NUMBER.require(execution),
                NamingContract.NAMING_DATE.require(execution), execution.getProcessInstanceId());
        for (NamingList.Entry entry : list.ready()) {
            runtime.createMessageCorrelation(MESSAGE).processInstanceId(entry.processInstanceId())
                    .setVariables(naming).correlateWithResult();
        }
        NamingContract.NAMED_COUNT.set(execution, list.ready().size());
    }
}
