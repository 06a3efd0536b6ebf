package org.ethnicunity.platform.deadlines;

import org.springframework.stereotype.Component;

/** The sweep's timer cycle for bpmn/reminders.bpmn: {@code ${reminderSchedule.cycle}}. */
@Component("reminderSchedule")
public class ReminderSchedule {

    private final ReminderSettings settings;

    ReminderSchedule(ReminderSettings settings) {
        this.settings = settings;
    }

    public String getCycle() {
        return settings.sweepCycle();
    }
}
