package org.ethnicunity.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A model is tested path by path: registered on a process test class, it records the flow nodes
 * passed by the instances each test starts (those absent before the test and present after it, in
 * the history of the test's own engine), and, once the class has run, fails if a flow node of the
 * model's latest version was passed by none of them. What other classes did in the shared database
 * counts for nothing, so the verdict does not depend on the order of the classes.
 *
 * <p>Where one class cannot walk every path (a setting that needs an application context of its own),
 * the classes that do it together are named, and the model is judged after the last of them. A run
 * with fewer instances than a whole class starts (one test on its own) or without all of the named
 * classes is not judged.
 */
public final class FlowNodeCoverage implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    /** What the classes sharing a model's verdict recorded so far in this JVM, by process key. */
    private static final Map<String, Shared> SHARED = new HashMap<>();

    private final String processKey;
    private final int wholeClassInstances;
    private final Set<Class<?>> together;
    private final Set<String> before = new HashSet<>();
    private final Shared alone = new Shared();
    private int instances;

    private FlowNodeCoverage(String processKey, int wholeClassInstances, Set<Class<?>> together) {
        this.processKey = processKey;
        this.wholeClassInstances = wholeClassInstances;
        this.together = together;
    }

    /** @param wholeClassInstances at least how many instances of the model the whole class starts */
    public static FlowNodeCoverage of(String processKey, int wholeClassInstances) {
        return new FlowNodeCoverage(processKey, wholeClassInstances, Set.of());
    }

    /**
     * @param wholeClassInstances at least how many instances of the model this class starts
     * @param together            every class (this one included) whose instances together pass each node
     */
    public static FlowNodeCoverage of(String processKey, int wholeClassInstances, Class<?>... together) {
        return new FlowNodeCoverage(processKey, wholeClassInstances, new LinkedHashSet<>(Arrays.asList(together)));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        before.clear();
        history(context).createHistoricProcessInstanceQuery().processDefinitionKey(processKey).list()
                .forEach(i -> before.add(i.getId()));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ProcessEngine engine = engine(context);
        // History is full: running and ended instances alike.
        List<String> own = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
                .list().stream().map(HistoricProcessInstance::getId).filter(id -> !before.contains(id)).toList();
        instances += own.size();
        Shared shared = shared();
        own.forEach(i -> engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(i).list()
                .forEach(a -> shared.passed.add(a.getActivityId())));
        if (shared.nodes.isEmpty()) {
            shared.nodes.addAll(nodes(engine));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Shared shared = shared();
        if (instances < wholeClassInstances) {
            shared.partial = true;
            return;
        }
        shared.finished.add(context.getRequiredTestClass());
        if (shared.partial || !shared.finished.containsAll(together)) {
            return;
        }
        Set<String> missed = new TreeSet<>(shared.nodes);
        missed.removeAll(shared.passed);
        assertThat(missed).as("flow nodes of " + processKey + " no test of " + (together.isEmpty()
                ? context.getRequiredTestClass().getSimpleName() : together.stream().map(Class::getSimpleName).toList())
                + " passes").isEmpty();
    }

    private Shared shared() {
        if (together.isEmpty()) {
            return alone;
        }
        synchronized (SHARED) {
            return SHARED.computeIfAbsent(processKey, k -> new Shared());
        }
    }

    private Set<String> nodes(ProcessEngine engine) {
        String definitionId = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult().getId();
        BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(definitionId);
        Set<String> nodes = new TreeSet<>();
        model.getModelElementsByType(FlowNode.class).forEach(n -> nodes.add(n.getId()));
        return nodes;
    }

    private static HistoryService history(ExtensionContext context) {
        return engine(context).getHistoryService();
    }

    private static ProcessEngine engine(ExtensionContext context) {
        return SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class);
    }

    private static final class Shared {
        final Set<String> nodes = new TreeSet<>();
        final Set<String> passed = new HashSet<>();
        final Set<Class<?>> finished = new HashSet<>();
        boolean partial;
    }
}
