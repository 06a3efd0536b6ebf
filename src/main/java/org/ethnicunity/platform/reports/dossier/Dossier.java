package org.ethnicunity.platform.reports.dossier;

import java.util.List;

/**
 * One designation's whole lifecycle as its dossier (档案) prints it: text only, labels in Chinese and
 * dates formatted, so the template only places it.
 */
record Dossier(long id, String unitName, String unitType, String regionCode, String contact, String level,
               String status, String campaign, String batch, String namedDate, String documentNumber,
               String validUntil, String revokedDate, List<Change> history, List<Assessment> assessments,
               List<AnnualReview> annualReviews, List<Procedure> procedures, List<ProcessRecord> processes,
               String generatedAt, String generatedBy) {

    /** A change of state: when, from → to, who, why, by which document. */
    record Change(String when, String from, String to, String actor, String reason, String documentNumber) {
    }

    /** One assessor's on-site scores (实地测评 or 实地复核). */
    record Assessment(String when, String assessor, String total, String scores, String vetoes, String comment) {
    }

    /** One year's 年度评估. */
    record AnnualReview(int year, String status, String grade, String score, String submittedAt, String gradedBy,
                        String comment, String followUp) {
    }

    /** A re-inspection or exit run for the title, and how it ended. */
    record Procedure(String kind, String started, String ended, String outcome) {
    }

    /** A process instance about the designation, with the steps people completed and what they entered. */
    record ProcessRecord(String name, String started, String ended, String state, List<Step> steps) {
    }

    record Step(String name, String who, String when, List<Entry> entries) {
    }

    record Entry(String label, String value) {
    }
}
