package org.ethnicunity.platform.exit;

import java.util.Date;
import org.ethnicunity.platform.deadlines.WorkingDays;
import org.springframework.stereotype.Component;

/** {@link ExitSettings} for the model: {@code ${exitSettings.statementEndsAt()}}, the end of the statement window. */
@Component("exitSettings")
public class ExitModelSettings {

    private final ExitSettings settings;
    private final WorkingDays workingDays;

    ExitModelSettings(ExitSettings settings, WorkingDays workingDays) {
        this.settings = settings;
        this.workingDays = workingDays;
    }

    public int getStatementWorkingDays() {
        return settings.statementWorkingDays();
    }

    /** When a statement window that opens now ends, in working days of the official calendar. */
    public Date statementEndsAt() {
        return workingDays.fromNow(settings.statementWorkingDays());
    }
}
