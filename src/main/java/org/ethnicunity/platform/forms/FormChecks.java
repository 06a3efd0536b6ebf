package org.ethnicunity.platform.forms;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ethnicunity.platform.engine.ModelHook;
import org.springframework.stereotype.Component;

/**
 * Builds the server-side {@link FormCheck}s into every user task whose form has one, in every
 * deployed model: run when the task completes, so an administrator who edits a model in Modeler
 * cannot drop them.
 */
@Component
class FormChecks implements ModelHook {

    private final Map<String, FormCheck> checks = new HashMap<>();

    FormChecks(List<FormCheck> checks) {
        checks.forEach(check -> check.formIds().forEach(id -> this.checks.put(id, check)));
    }

    @Override
    public void userTask(UserTask task) {
        String formRef = task.formRef();
        FormCheck check = formRef == null ? null : checks.get(formRef);
        if (check != null) {
            task.addListener(TaskListener.EVENTNAME_COMPLETE, completed -> check.check(formRef, completed));
        }
    }
}
