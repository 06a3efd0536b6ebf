package org.ethnicunity.platform.registry.web;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Formats the records' times in the business time zone, for the registry's templates
 * ({@code times.of(...)}). Public only because the designation page still lives in the registry's
 * top package, beside the records it renders (DesignationRecords).
 */
public record Times(ZoneId zone) {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public String of(OffsetDateTime time) {
        return time == null ? "—" : time.atZoneSameInstant(zone).format(MINUTE);
    }
}
