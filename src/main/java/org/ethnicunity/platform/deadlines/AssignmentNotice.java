package org.ethnicunity.platform.deadlines;

import org.ethnicunity.platform.contract.Subject;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.engine.ModelHook;
import org.ethnicunity.platform.engine.Tasks;
import org.ethnicunity.platform.mail.MailNotifier;
import org.ethnicunity.platform.security.Actors;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * When somebody assigns a task to somebody else (in Tasklist or over REST), the new assignee gets a
 * mail with a link to it. Claiming a task oneself sends nothing, and neither does an assignment the
 * model makes while creating the task (its own notice covers that). Added to every user task of
 * every model.
 */
@Component
class AssignmentNotice implements ModelHook, TaskListener {

    private final MailNotifier mail;
    private final BusinessClock clock;

    AssignmentNotice(@Lazy MailNotifier mail, BusinessClock clock) {
        this.mail = mail;
        this.clock = clock;
    }

    @Override
    public void userTask(UserTask task) {
        task.addListener(TaskListener.EVENTNAME_ASSIGNMENT, this);
    }

    @Override
    public void notify(DelegateTask task) {
        String assignee = task.getAssignee();
        String actor = Actors.current();
        // A task inserted by this very command was assigned by the model while creating it (the unit's
        // resubmission, reports): the step's own notice covers that.
        if (assignee == null || assignee.equals(actor) || Tasks.createdByThisCommand(task)) {
            return;
        }
        User user = task.getProcessEngineServices().getIdentityService().createUserQuery().userId(assignee).singleResult();
        if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("name", user.getFirstName() == null || user.getFirstName().isBlank() ? assignee : user.getFirstName());
        model.put("taskName", task.getName());
        model.put("unitName", Subject.UNIT_NAME.get(task)); // the template's model key, read from the shared variable
        model.put("assignedBy", actor);
        model.put("due", task.getDueDate() == null ? ""
                : task.getDueDate().toInstant().atZone(clock.zone()).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
        model.put("link", mail.settings().taskUrl(task.getId()));
        mail.send(user.getEmail(), "【民族团结进步创建】任务分派通知：" + task.getName(), "task-assigned", model);
    }
}
