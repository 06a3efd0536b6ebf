package org.ethnicunity.platform;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;

/** Which flow nodes of a model's latest version none of the given instances passed: a model is tested path by path. */
public final class FlowNodeCoverage {

    private FlowNodeCoverage() {
    }

    public static Set<String> missed(ProcessEngine engine, String processKey, Collection<String> instances) {
        Set<String> passed = new HashSet<>();
        instances.forEach(i -> engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(i)
                .list().forEach(a -> passed.add(a.getActivityId())));
        String definitionId = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult().getId();
        BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(definitionId);
        Set<String> missed = new TreeSet<>();
        model.getModelElementsByType(FlowNode.class).forEach(n -> missed.add(n.getId()));
        missed.removeAll(passed);
        return missed;
    }
}
