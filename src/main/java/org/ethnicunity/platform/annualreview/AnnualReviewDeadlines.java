package org.ethnicunity.platform.annualreview;

import java.util.Date;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.deadlines.ServiceLevels;
import org.springframework.stereotype.Component;

/**
 * The end of a returned report's window, for the model's timer
 * ({@code ${annualReviewDeadlines.resubmissionEnds(finalDeadline)}}): the final deadline of the
 * launch, or, when the report comes back too late for that, the end of the day the resubmission is
 * due by its service level. A unit whose report is returned after the final deadline still gets its
 * working days to add the material.
 */
@Component("annualReviewDeadlines")
public class AnnualReviewDeadlines {

    static final String RESUBMISSION = "ResubmitAnnualReport";

    private final ServiceLevels serviceLevels;
    private final BusinessClock clock;

    AnnualReviewDeadlines(ServiceLevels serviceLevels, BusinessClock clock) {
        this.serviceLevels = serviceLevels;
        this.clock = clock;
    }

    public Date resubmissionEnds(Object finalDeadline) {
        Date last = serviceLevels.until(finalDeadline);
        Date due = serviceLevels.until(serviceLevels.dueDate(RESUBMISSION).toInstant().atZone(clock.zone()).toLocalDate());
        return due.after(last) ? due : last;
    }
}
