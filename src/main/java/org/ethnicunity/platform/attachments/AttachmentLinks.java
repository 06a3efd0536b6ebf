package org.ethnicunity.platform.attachments;

import java.util.ArrayList;
import java.util.Set;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.ethnicunity.platform.security.Actors;
import org.springframework.stereotype.Component;

/**
 * Connects the Camunda Forms named in {@code app.attachments.forms} to the attachment pages, whatever
 * model uses them: each task with such a form gets the local variable {@code attachmentsLink}
 * ({@code /attachments/task/{taskId}}), which the form shows as a link ({@code [...]({{attachmentsLink}})}
 * in a text component); a process whose start form is one of them takes over, when a person starts
 * it, the files that person uploaded beforehand for it ({@code /attachments/start/{processKey}}).
 * Added at parse time, so an administrator's model edit cannot lose it and no model names it.
 */
@Component
public class AttachmentLinks extends AbstractProcessEnginePlugin {

    static final String LINK_VARIABLE = "attachmentsLink";
    static final String TASK_PAGE = "/attachments/task/";

    private final Set<String> forms;
    private final AttachmentRepository repository;

    AttachmentLinks(AttachmentSettings settings, AttachmentRepository repository) {
        this.forms = settings.forms();
        this.repository = repository;
    }

    /** Whether a start form with this id adopts pending files. */
    boolean adoptsWith(String startFormId) {
        return startFormId != null && forms.contains(startFormId);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (forms.contains(formRef(element)) && activity.getActivityBehavior() instanceof UserTaskActivityBehavior task) {
                    task.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE,
                            created -> created.setVariableLocal(LINK_VARIABLE, TASK_PAGE + created.getId()));
                }
            }

            @Override
            public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl start) {
                if (forms.contains(formRef(element)) && scope instanceof ProcessDefinitionEntity process) {
                    String processKey = process.getKey();
                    ExecutionListener adopt = execution -> {
                        String starter = Actors.current();
                        if (!Actors.SYSTEM.equals(starter)) {
                            repository.adopt(starter, processKey, execution.getProcessInstanceId());
                        }
                    };
                    start.addBuiltInListener(ExecutionListener.EVENTNAME_END, adopt);
                }
            }
        });
    }

    private static String formRef(Element element) {
        return element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
    }
}
