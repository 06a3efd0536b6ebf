package org.ethnicunity.platform;

import java.util.ArrayList;
import java.util.function.Predicate;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * An end listener built into the processes whose key matches, so it runs however an instance ends,
 * deleted or cancelled in Cockpit included (built-in listeners are not skipped by "skip custom
 * listeners"): the place to put the registry right when an instance stops before its model did.
 */
public abstract class InstanceEndGuard extends AbstractProcessEnginePlugin implements ExecutionListener {

    private final Predicate<String> processKeys;

    protected InstanceEndGuard(Predicate<String> processKeys) {
        this.processKeys = processKeys;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element element, ProcessDefinitionEntity process) {
                if (processKeys.test(process.getKey())) {
                    process.addBuiltInListener(ExecutionListener.EVENTNAME_END, InstanceEndGuard.this);
                }
            }
        });
    }
}
