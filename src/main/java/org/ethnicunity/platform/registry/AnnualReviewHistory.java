package org.ethnicunity.platform.registry;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A designation's annual reviews, as the annual review module recorded them, for the registry's title
 * page. The annual review owns its table and implements this; the registry, which may not depend on a
 * lifecycle, asks through it (none implemented: no reviews shown).
 */
public interface AnnualReviewHistory {

    /** One year's review: codes as stored (status, grade, follow-up), labelled by the page. */
    record Review(int year, String status, String grade, BigDecimal score, BigDecimal selfTotal, String gradedBy,
                  OffsetDateTime gradedAt, String comment, String followUp, String processInstanceId) {
    }

    /** The designation's reviews, newest year first. */
    List<Review> of(long designationId);
}
