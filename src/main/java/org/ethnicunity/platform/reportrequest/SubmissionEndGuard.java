package org.ethnicunity.platform.reportrequest;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.ethnicunity.platform.BusinessClock;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * A report request that ends without an accepted report (an administrator deleted the instance in
 * Cockpit, the launch was cancelled) would stay "待报送" in the live view for good. A built-in end
 * listener (Cockpit's "skip custom listeners" does not skip it) marks its row ENDED in the ending
 * transaction.
 */
@Component
class SubmissionEndGuard extends AbstractProcessEnginePlugin implements ExecutionListener {

    private final ReportSubmissions submissions;
    private final BusinessClock clock;

    SubmissionEndGuard(@Lazy ReportSubmissions submissions, BusinessClock clock) {
        this.submissions = submissions;
        this.clock = clock;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element element, ProcessDefinitionEntity process) {
                if (ReportRequestLaunch.PROCESS_KEY.equals(process.getKey())) {
                    process.addBuiltInListener(ExecutionListener.EVENTNAME_END, SubmissionEndGuard.this);
                }
            }
        });
    }

    @Override
    public void notify(DelegateExecution execution) {
        submissions.ended(execution.getProcessInstanceId(), clock.now());
    }
}
