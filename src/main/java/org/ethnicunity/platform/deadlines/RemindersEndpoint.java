package org.ethnicunity.platform.deadlines;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.ethnicunity.platform.mail.MailOutbox;
import org.ethnicunity.platform.security.ApiAccess;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * {@code GET /actuator/reminders}: whether the sweep is running (suspend the process definition
 * 「待办提醒与逾期督办」 in Cockpit to stop it), when it runs next, what its last run on this node did,
 * and what the mail outbox holds, with its last SMTP error. Administrators only: the request is
 * authenticated like {@code /engine-rest} (HTTP Basic), because an SMTP error can name an address.
 */
@Component
@WebEndpoint(id = "reminders")
class RemindersEndpoint {

    private final RepositoryService repository;
    private final ManagementService management;
    private final ReminderSweep sweep;
    private final ReminderSettings settings;
    private final MailOutbox outbox;
    private final ApiAccess access;

    RemindersEndpoint(@Lazy RepositoryService repository, @Lazy ManagementService management, ReminderSweep sweep,
                      ReminderSettings settings, MailOutbox outbox, ApiAccess access) {
        this.repository = repository;
        this.management = management;
        this.sweep = sweep;
        this.settings = settings;
        this.outbox = outbox;
        this.access = access;
    }

    @ReadOperation
    WebEndpointResponse<Map<String, Object>> reminders() {
        Map<String, Object> view = new LinkedHashMap<>();
        if (!access.isAdmin()) {
            view.put("message", "仅系统管理员可查看 / administrators only");
            return new WebEndpointResponse<>(view, 403); // WebEndpointResponse has no constant for 403
        }
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey("reminderSweep")
                .latestVersion().singleResult();
        view.put("suspended", definition == null || definition.isSuspended());
        Job timer = definition == null ? null
                : management.createJobQuery().processDefinitionId(definition.getId()).timers().singleResult();
        view.put("nextRun", timer == null ? null : timer.getDuedate());
        view.put("settings", settings);
        view.put("lastRunOnThisNode", sweep.lastRun().orElse(null));
        view.put("mailOutbox", outbox.status());
        return new WebEndpointResponse<>(view);
    }
}
