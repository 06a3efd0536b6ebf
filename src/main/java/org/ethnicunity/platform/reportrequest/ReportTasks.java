package org.ethnicunity.platform.reportrequest;

import java.util.Date;
import java.util.List;
import org.ethnicunity.platform.deadlines.ServiceLevels;
import org.springframework.stereotype.Component;

/**
 * What bpmn/report-request.bpmn's expressions ask of its tasks: {@code ${reportTasks.submitDue(reportDueDate,
 * revisionRequested)}} and {@code ${reportTasks.candidateGroups(candidateGroup)}}.
 */
@Component("reportTasks")
public class ReportTasks {

    static final String REVISION = "ReportRevision";

    private final ServiceLevels serviceLevels;

    ReportTasks(ServiceLevels serviceLevels) {
        this.serviceLevels = serviceLevels;
    }

    /**
     * The report is due at the end of the fixed day the launch set. A revision the commission asked
     * for keeps that date when it is later than the service level {@code ReportRevision} (working days
     * from now), and otherwise gets that much time: a member is never asked to revise by yesterday.
     */
    public Date submitDue(Object reportDueDate, Object revisionRequested) {
        Date fixed = serviceLevels.until(reportDueDate);
        if (!Boolean.TRUE.equals(revisionRequested)) {
            return fixed;
        }
        Date revision = serviceLevels.dueDate(REVISION);
        return fixed.after(revision) ? fixed : revision;
    }

    /**
     * A lower commission's task goes to its staff group; a unit's has no candidate group (its contact
     * is the assignee). The engine wants a list here, and an empty one for none.
     */
    public List<String> candidateGroups(Object candidateGroup) {
        return candidateGroup == null || candidateGroup.toString().isBlank() ? List.of() : List.of(candidateGroup.toString());
    }
}
