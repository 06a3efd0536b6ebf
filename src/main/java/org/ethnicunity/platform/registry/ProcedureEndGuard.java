package org.ethnicunity.platform.registry;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.ethnicunity.platform.security.Actors;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * A re-inspection or exit that ends without closing its procedure (an administrator deleted or
 * cancelled the instance, e.g. in Cockpit) would leave the title UNDER_REINSPECTION or IN_EXIT for
 * good: no new procedure could open and it would never expire. A built-in end listener on every
 * process (built-in, so Cockpit's "skip custom listeners" does not skip it) closes such a procedure
 * and puts the title back to NAMED, in the deleting transaction.
 */
@Component
class ProcedureEndGuard extends AbstractProcessEnginePlugin implements ExecutionListener {

    private final RegistryService registry;

    ProcedureEndGuard(@Lazy RegistryService registry) {
        this.registry = registry;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element element, ProcessDefinitionEntity process) {
                process.addBuiltInListener(ExecutionListener.EVENTNAME_END, ProcedureEndGuard.this);
            }
        });
    }

    @Override
    public void notify(DelegateExecution execution) {
        registry.cancelProcedureOf(execution.getProcessInstanceId(), Actors.current());
    }
}
