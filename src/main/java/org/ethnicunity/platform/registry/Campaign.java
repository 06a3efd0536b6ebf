package org.ethnicunity.platform.registry;

import java.time.LocalDate;

/**
 * 评选批次: one naming round of one level, year and issuing region. {@code recommendationRequired}:
 * units may apply only when their commission recommended them to this campaign (推荐上报).
 */
public record Campaign(Long id, String code, String name, Level level, int year, String regionCode,
                       LocalDate applicationStart, LocalDate applicationEnd, Integer quota,
                       long indicatorSetId, boolean recommendationRequired) {

    /** A campaign open to every eligible unit, recommended or not. */
    public Campaign(Long id, String code, String name, Level level, int year, String regionCode,
                    LocalDate applicationStart, LocalDate applicationEnd, Integer quota, long indicatorSetId) {
        this(id, code, name, level, year, regionCode, applicationStart, applicationEnd, quota, indicatorSetId, false);
    }

    public boolean isOpenOn(LocalDate day) {
        return !day.isBefore(applicationStart) && !day.isAfter(applicationEnd);
    }
}
