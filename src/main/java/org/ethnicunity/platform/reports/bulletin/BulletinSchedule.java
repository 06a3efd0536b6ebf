package org.ethnicunity.platform.reports.bulletin;

import org.springframework.stereotype.Component;

/** The timer cycle of bpmn/bulletin.bpmn: {@code ${bulletinSchedule.cycle}}. */
@Component("bulletinSchedule")
public class BulletinSchedule {

    private final BulletinSettings settings;

    BulletinSchedule(BulletinSettings settings) {
        this.settings = settings;
    }

    public String getCycle() {
        return settings.cycle();
    }
}
