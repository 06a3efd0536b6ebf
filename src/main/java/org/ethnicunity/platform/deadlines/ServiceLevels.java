package org.ethnicunity.platform.deadlines;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import org.ethnicunity.platform.BusinessClock;
import org.springframework.stereotype.Component;

/**
 * Due dates of human tasks from the configured service levels (working days under the official
 * calendar), for the models' {@code camunda:dueDate}: {@code ${serviceLevels.dueDate('PreliminaryReview')}};
 * or a fixed date a launch set ("9月27日前报送"): {@code ${serviceLevels.until(reportDueDate)}}.
 */
@Component("serviceLevels")
public class ServiceLevels {

    private final ServiceLevelSettings settings;
    private final WorkingDays workingDays;

    private final BusinessClock clock;

    ServiceLevels(ServiceLevelSettings settings, WorkingDays workingDays, BusinessClock clock) {
        this.settings = settings;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    /** The end of a fixed day ({@code yyyy-MM-dd}) in the business time zone: "by 27 September" is due 23:59 that day. */
    public Date until(Object isoDate) {
        LocalDate day = isoDate instanceof LocalDate d ? d : LocalDate.parse(String.valueOf(isoDate).trim());
        return Date.from(day.atTime(LocalTime.of(23, 59)).atZone(clock.zone()).toInstant());
    }

    public Date dueDate(String taskId) {
        return workingDays.fromNow(settings.daysFor(taskId));
    }
}
