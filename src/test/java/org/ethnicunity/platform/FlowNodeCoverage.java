package org.ethnicunity.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A model is tested path by path: registered on a process test class, it collects the instances of
 * the model after each test and, once the whole class has run, fails if a flow node of the model's
 * latest version was passed by none of them. A single test run on its own (fewer instances than the
 * class makes) is not judged.
 */
public final class FlowNodeCoverage implements AfterEachCallback, AfterAllCallback {

    private final String processKey;
    private final int wholeClassInstances;
    private final Set<String> instances = new HashSet<>();
    private ProcessEngine engine;

    private FlowNodeCoverage(String processKey, int wholeClassInstances) {
        this.processKey = processKey;
        this.wholeClassInstances = wholeClassInstances;
    }

    /** @param wholeClassInstances at least how many instances the whole class starts */
    public static FlowNodeCoverage of(String processKey, int wholeClassInstances) {
        return new FlowNodeCoverage(processKey, wholeClassInstances);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        engine = SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class);
        // History is full: running and ended instances alike.
        engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(processKey).list()
                .forEach(i -> instances.add(i.getId()));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (instances.size() < wholeClassInstances) {
            return;
        }
        assertThat(missed()).as("flow nodes of " + processKey + " no test passes").isEmpty();
    }

    private Set<String> missed() {
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
