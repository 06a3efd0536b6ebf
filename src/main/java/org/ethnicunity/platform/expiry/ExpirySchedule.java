package org.ethnicunity.platform.expiry;

import org.springframework.stereotype.Component;

/**
 * The timer cycle of bpmn/expiry.bpmn: {@code ${expirySchedule.cycle}}, read again each time the
 * timer fires (the engine's reevaluateTimeCycleWhenDue), so a changed setting takes effect after a restart.
 */
@Component("expirySchedule")
public class ExpirySchedule {

    private final ExpirySettings settings;

    ExpirySchedule(ExpirySettings settings) {
        this.settings = settings;
    }

    public String getCycle() {
        return settings.cycle();
    }
}
