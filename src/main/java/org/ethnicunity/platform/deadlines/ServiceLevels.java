package org.ethnicunity.platform.deadlines;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Due dates of human tasks from the configured service levels, for the models' {@code camunda:dueDate}:
 * {@code ${serviceLevels.dueDate('PreliminaryReview')}}. Counts calendar days for now; the
 * working-day calendar is to replace that.
 */
@Component("serviceLevels")
public class ServiceLevels {

    private final ServiceLevelSettings settings;

    ServiceLevels(ServiceLevelSettings settings) {
        this.settings = settings;
    }

    public Date dueDate(String taskId) {
        return new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofDays(settings.daysFor(taskId)).toMillis());
    }
}
