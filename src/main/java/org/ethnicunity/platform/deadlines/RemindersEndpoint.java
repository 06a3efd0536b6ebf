package org.ethnicunity.platform.deadlines;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.ethnicunity.platform.mail.MailOutbox;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * {@code GET /actuator/reminders}: whether the sweep is running (suspend the process definition
 * 「待办提醒与逾期督办」 in Cockpit to stop it), when it runs next, what its last run on this node did,
 * and what the mail outbox holds. Counts only, nothing personal.
 */
@Component
@Endpoint(id = "reminders")
class RemindersEndpoint {

    private final RepositoryService repository;
    private final ManagementService management;
    private final ReminderSweep sweep;
    private final ReminderSettings settings;
    private final MailOutbox outbox;

    RemindersEndpoint(@Lazy RepositoryService repository, @Lazy ManagementService management, ReminderSweep sweep,
                      ReminderSettings settings, MailOutbox outbox) {
        this.repository = repository;
        this.management = management;
        this.sweep = sweep;
        this.settings = settings;
        this.outbox = outbox;
    }

    @ReadOperation
    Map<String, Object> reminders() {
        Map<String, Object> view = new LinkedHashMap<>();
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey("reminderSweep")
                .latestVersion().singleResult();
        view.put("suspended", definition == null || definition.isSuspended());
        Job timer = definition == null ? null
                : management.createJobQuery().processDefinitionId(definition.getId()).timers().singleResult();
        view.put("nextRun", timer == null ? null : timer.getDuedate());
        view.put("settings", settings);
        view.put("lastRunOnThisNode", sweep.lastRun().orElse(null));
        view.put("mailOutbox", outbox.status());
        return view;
    }
}
