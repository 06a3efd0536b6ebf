package org.ethnicunity.platform.reinspection;

import java.time.LocalDate;
import java.time.Period;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Settings of the re-inspection, read by the model as {@code ${reinspectionSettings...}}: what a
 * failed re-inspection leads to (rectification first, or exit straight away as seed 000 does), the
 * rectification period, the cycle after which a named unit is due again, and the number of assessors.
 * Read on each use, so the model needs no change when a setting does.
 */
@Component("reinspectionSettings")
public class ReinspectionSettings {

    /** What follows a failed re-inspection. */
    public enum OnFailure { RECTIFY, EXIT }

    private final OnFailure onFailure;
    private final Period rectificationPeriod;
    private final Period cycle;
    private final int assessors;

    ReinspectionSettings(@Value("${app.reinspection.on-failure:RECTIFY}") OnFailure onFailure,
                         @Value("${app.reinspection.rectification-period:P3M}") Period rectificationPeriod,
                         @Value("${app.reinspection.cycle:P3Y}") Period cycle,
                         @Value("${app.reinspection.assessors:2}") int assessors) {
        if (assessors < 1) {
            throw new IllegalArgumentException("app.reinspection.assessors must be at least 1");
        }
        if (rectificationPeriod.isNegative() || rectificationPeriod.isZero() || cycle.isNegative() || cycle.isZero()) {
            throw new IllegalArgumentException("app.reinspection.rectification-period and cycle must be positive");
        }
        this.onFailure = onFailure;
        this.rectificationPeriod = rectificationPeriod;
        this.cycle = cycle;
        this.assessors = assessors;
    }

    /** For the model's gateway after a failed re-inspection. */
    public boolean isRectifyFirst() {
        return onFailure == OnFailure.RECTIFY;
    }

    public OnFailure getOnFailure() {
        return onFailure;
    }

    public int getAssessors() {
        return assessors;
    }

    public Period getCycle() {
        return cycle;
    }

    /** The last day of a rectification ordered today. */
    public LocalDate rectificationDeadline(LocalDate today) {
        return today.plus(rectificationPeriod);
    }
}
