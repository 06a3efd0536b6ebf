package org.ethnicunity.platform.reports.statistics;

import java.util.List;

/**
 * The registry's figures for a scope (regions and the regions below them): designations per level ×
 * region × unit type × status, titles named per year, revocations and rectifications per year, and
 * the annual reviews' grades per year. Codes with their Chinese labels, so that integrators and the
 * page read the same answer.
 *
 * @param scope the region codes the figures cover (each with the codes below it); empty: everything
 */
public record Statistics(List<String> scope, String generatedAt, List<Count> counts, List<YearLevel> namedPerYear,
                         List<YearCount> revocationsPerYear, List<YearCount> rectificationsPerYear,
                         List<YearGrade> grades) {

    public record Count(String level, String levelLabel, String regionCode, String unitType, String unitTypeLabel,
                        String status, String statusLabel, long count) {
    }

    public record YearLevel(int year, String level, String levelLabel, long count) {
    }

    public record YearCount(int year, long count) {
    }

    /** Grades of the year's annual reviews; {@code NOT_SUBMITTED} (逾期未提交) counts the reports never sent. */
    public record YearGrade(int year, String grade, String gradeLabel, long count) {
    }
}
