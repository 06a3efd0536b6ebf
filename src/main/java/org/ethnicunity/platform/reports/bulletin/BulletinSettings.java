package org.ethnicunity.platform.reports.bulletin;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The periodic bulletin (通报, bpmn/bulletin.bpmn).
 *
 * @param cycle          ISO-8601 repeat of the run, with its start and offset so that it runs on Beijing
 *                       time whatever the server's zone (default: Mondays 08:00)
 * @param period         the period one bulletin covers: a recipient gets at most one per period, however
 *                       often the cycle fires and on however many nodes
 * @param recipientRoles the roles whose groups ({@code ROLE-REGIONCODE}) receive the bulletin of their region
 * @param copies         further addresses per region code (e.g. the banner government's office: 双通报)
 * @param listMax        laggards named per section; the rest are counted
 * @param rectificationHorizonDays rectifications whose deadline falls within this many days are listed as due
 */
@ConfigurationProperties("app.bulletin")
public record BulletinSettings(@DefaultValue("R/2025-01-06T08:00+08:00/P7D") String cycle,
                               @DefaultValue("WEEK") Period period,
                               @DefaultValue({"commission", "leading"}) List<String> recipientRoles,
                               Map<String, List<String>> copies,
                               @DefaultValue("20") int listMax,
                               @DefaultValue("30") int rectificationHorizonDays) {

    public BulletinSettings {
        copies = copies == null ? Map.of() : copies;
        if (recipientRoles.isEmpty()) {
            throw new IllegalArgumentException("app.bulletin.recipient-roles 不能为空 / must name at least one role");
        }
        if (listMax < 1) {
            throw new IllegalArgumentException("app.bulletin.list-max 至少为 1 / must be at least 1: " + listMax);
        }
    }

    /** The period of a bulletin, its key in the outbox (one mail per recipient and key) and its Chinese name. */
    public enum Period {
        DAY, WEEK, MONTH;

        String key(LocalDate day) {
            return switch (this) {
                case DAY -> day.toString();
                case WEEK -> day.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                case MONTH -> day.format(DateTimeFormatter.ofPattern("yyyy-MM"));
            };
        }

        String label(LocalDate day) {
            return switch (this) {
                case DAY -> day.toString();
                case WEEK -> day.get(IsoFields.WEEK_BASED_YEAR) + " 年第 " + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + " 周";
                case MONTH -> day.getYear() + " 年 " + day.getMonthValue() + " 月";
            };
        }
    }
}
