package org.ethnicunity.platform.registry;

import java.time.LocalDate;

/** 评选批次: one naming round of one level, year and issuing region. */
public record Campaign(Long id, String code, String name, Level level, int year, String regionCode,
                       LocalDate applicationStart, LocalDate applicationEnd, Integer quota,
                       long indicatorSetId) {

    public boolean isOpenOn(LocalDate day) {
        return !day.isBefore(applicationStart) && !day.isAfter(applicationEnd);
    }
}
