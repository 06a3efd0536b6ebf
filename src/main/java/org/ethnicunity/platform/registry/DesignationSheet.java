package org.ethnicunity.platform.registry;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * One designation as its page shows it: Chinese labels and formatted dates, and its history
 * oldest first, so the template only places text.
 */
record DesignationSheet(long id, String unitName, String unitType, String regionCode, String level, String status,
                        boolean holding, String campaign, String namedDate, String documentNumber, String validUntil,
                        String revokedDate, boolean recommended, List<Change> history) {

    /** One change of state: when, from → to, who (name and user id), why, by which document, in which process instance. */
    record Change(String when, String from, String to, String actorName, String actorId, String reason,
                  String documentNumber, String processInstanceId) {
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String NONE = "—";

    /** @param names display name of a user id (the id itself when the user is unknown) */
    static DesignationSheet of(Designation designation, Unit unit, String campaignName, List<DesignationEvent> events,
                               ZoneId zone, Function<String, String> names) {
        List<Change> history = events.stream().map(e -> new Change(
                e.occurredAt().atZoneSameInstant(zone).format(WHEN),
                e.fromStatus() == null ? NONE : e.fromStatus().label(), e.toStatus().label(),
                names.apply(e.actor()), e.actor(), e.reason(), e.documentNumber(), e.processInstanceId())).toList();
        return new DesignationSheet(designation.id(), unit.name(), unit.unitType().label(), unit.regionCode(),
                designation.level().label(), designation.status().label(),
                DesignationStatus.HOLDING.contains(designation.status()), campaignName == null ? NONE : campaignName,
                date(designation.namedDate()), text(designation.documentNumber()), date(designation.expiryDate()),
                designation.revokedDate() == null ? null : designation.revokedDate().toString(),
                designation.recommended(), history);
    }

    private static String date(LocalDate date) {
        return date == null ? NONE : date.toString();
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? NONE : value;
    }
}
