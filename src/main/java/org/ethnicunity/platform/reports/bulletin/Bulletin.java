package org.ethnicunity.platform.reports.bulletin;

import java.util.List;

/**
 * One region's bulletin (通报) for one period, covering the region and the regions below it: work
 * open and overdue by role, reports missing or late per report request, annual reviews not
 * submitted, rectifications due, each with the laggards named, and the same per sub-region for the chart.
 */
record Bulletin(String regionCode, String periodKey, String periodLabel, String asOf, List<RoleTasks> tasks,
                List<Lag> overdueTasks, int overdueTasksMore, List<ReportLag> reports, List<ReviewLag> annualReviews,
                List<Rectification> rectifications, List<RegionLag> regions) {

    public int openTasks() {
        return tasks.stream().mapToInt(RoleTasks::open).sum();
    }

    public int overdue() {
        return tasks.stream().mapToInt(RoleTasks::overdue).sum();
    }

    /** Open and overdue tasks of one role (属地初审, 民委, ..., 申报单位). */
    record RoleTasks(String role, int open, int overdue) {
    }

    /** An overdue task: its name carries the unit's name (house rule of the models). */
    record Lag(String task, String regionCode, String holder, String due, long overdueDays) {
    }

    /** A report request with the members of the region that have not sent it or sent it late. */
    record ReportLag(String title, String due, int members, int submitted, int missing, int late, String missingNames,
                     String lateNames) {
    }

    /** A review year's annual reviews not yet submitted, past their due date, or never submitted. */
    record ReviewLag(int year, int open, int overdue, int notSubmitted, String names) {
    }

    /** A title under rectification and its deadline. */
    record Rectification(String unitName, String level, String regionCode, String deadline, String state) {
    }

    /** What lags in one region code: the chart's bars. */
    record RegionLag(String regionCode, int overdueTasks, int missingReports, int reviewsNotSubmitted) {
    }
}
