package org.ethnicunity.platform.attachments;

import java.util.Set;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ethnicunity.platform.engine.ModelHook;
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
public class AttachmentLinks implements ModelHook {

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
    public void userTask(UserTask task) {
        if (forms.contains(task.formRef())) {
            task.addListener(TaskListener.EVENTNAME_CREATE,
                    created -> created.setVariableLocal(LINK_VARIABLE, TASK_PAGE + created.getId()));
        }
    }

    @Override
    public void startEvent(StartEvent start) {
        String processKey = start.processKey();
        if (processKey != null && forms.contains(start.formRef())) {
            ExecutionListener adopt = execution -> {
                String starter = Actors.current();
                if (!Actors.SYSTEM.equals(starter)) {
                    repository.adopt(starter, processKey, execution.getProcessInstanceId());
                }
            };
            start.addEndListener(adopt);
        }
    }
}
