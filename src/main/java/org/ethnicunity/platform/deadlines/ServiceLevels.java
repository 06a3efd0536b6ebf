package org.ethnicunity.platform.deadlines;

import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Due dates of human tasks from the configured service levels (working days under the official
 * calendar), for the models' {@code camunda:dueDate}: {@code ${serviceLevels.dueDate('PreliminaryReview')}}.
 */
@Component("serviceLevels")
public class ServiceLevels {

    private final ServiceLevelSettings settings;
    private final WorkingDays workingDays;

    ServiceLevels(ServiceLevelSettings settings, WorkingDays workingDays) {
        this.settings = settings;
        this.workingDays = workingDays;
    }

    public Date dueDate(String taskId) {
        return workingDays.fromNow(settings.daysFor(taskId));
    }
}
