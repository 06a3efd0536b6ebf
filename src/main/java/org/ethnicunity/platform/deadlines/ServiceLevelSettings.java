package org.ethnicunity.platform.deadlines;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Service levels: how many working days a human task may take, per task id of the models.
 *
 * @param defaultDays for a task id not listed
 * @param days        per task id (e.g. PreliminaryReview: 10, SubmitMoreMaterial: 15)
 */
@ConfigurationProperties("app.service-levels")
public record ServiceLevelSettings(@DefaultValue("10") int defaultDays, Map<String, Integer> days) {

    public int daysFor(String taskId) {
        return days == null ? defaultDays : days.getOrDefault(taskId, defaultDays);
    }
}
