package org.ethnicunity.platform.expiry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.Level;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The designations a daily run has to look at, a page at a time in id order (keyset paging, so that
 * rows settled by the run itself or left alone do not shift the pages).
 */
@Repository
class ExpiringTitles {

    private static final String SELECT = """
            SELECT d.id, d.status, d.level, d.named_date, d.document_number, d.expiry_date,
                   u.name AS unit_name, u.contact_name, u.contact_email,
                   COALESCE(c.region_code, left(u.region_code, 6)) AS granting_region_code
            FROM registry.designation d
            JOIN registry.unit u ON u.id = d.unit_id
            LEFT JOIN registry.campaign c ON c.id = d.campaign_id
            WHERE d.status IN (:statuses) AND d.id > :after AND d.expiry_date <= :until
            """;
    private static final String PAGE = " ORDER BY d.id LIMIT :limit";

    private final JdbcClient jdbc;

    ExpiringTitles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Titles in {@code statuses} whose expiry date is on or before {@code until}. */
    List<ExpiringTitle> pastExpiry(Collection<DesignationStatus> statuses, LocalDate until, long after, int limit) {
        return jdbc.sql(SELECT + PAGE).param("statuses", names(statuses)).param("after", after).param("until", until)
                .param("limit", limit).query(ExpiringTitles::map).list();
    }

    /** Titles in {@code statuses} expiring after {@code from} and on or before {@code until}. */
    List<ExpiringTitle> expiringBetween(Collection<DesignationStatus> statuses, LocalDate from, LocalDate until,
                                        long after, int limit) {
        return jdbc.sql(SELECT + " AND d.expiry_date > :from" + PAGE).param("statuses", names(statuses))
                .param("after", after).param("from", from).param("until", until).param("limit", limit)
                .query(ExpiringTitles::map).list();
    }

    /**
     * Like {@link #expiringBetween}, leaving out titles whose holder was already sent the mail with
     * this outbox key prefix ({@code prefix + id}): the outbox row is the record that they were told,
     * and looking for it first spares rendering the same notice every day of the notice period.
     */
    List<ExpiringTitle> expiringBetweenUntold(Collection<DesignationStatus> statuses, LocalDate from, LocalDate until,
                                              String keyPrefix, long after, int limit) {
        return jdbc.sql(SELECT + " AND d.expiry_date > :from AND NOT EXISTS (SELECT 1 FROM registry.mail_outbox o"
                        + " WHERE o.dedup_key = :prefix || d.id)" + PAGE)
                .param("statuses", names(statuses)).param("after", after).param("from", from).param("until", until)
                .param("prefix", keyPrefix).param("limit", limit).query(ExpiringTitles::map).list();
    }

    private static List<String> names(Collection<DesignationStatus> statuses) {
        return statuses.stream().map(Enum::name).toList();
    }

    private static ExpiringTitle map(ResultSet rs, int row) throws SQLException {
        return new ExpiringTitle(rs.getLong("id"), DesignationStatus.valueOf(rs.getString("status")),
                Level.valueOf(rs.getString("level")), rs.getObject("named_date", LocalDate.class),
                rs.getString("document_number"), rs.getObject("expiry_date", LocalDate.class),
                rs.getString("unit_name"), rs.getString("contact_name"), rs.getString("contact_email"),
                rs.getString("granting_region_code"));
    }
}
