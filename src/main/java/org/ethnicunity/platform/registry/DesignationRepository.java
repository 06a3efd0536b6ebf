package org.ethnicunity.platform.registry;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class DesignationRepository {

    private final JdbcClient jdbc;

    DesignationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long unitId, Level level, Long campaignId, DesignationStatus status, String processInstanceId,
                       String batch) {
        return jdbc.sql("""
                INSERT INTO registry.designation (unit_id, level, campaign_id, status, process_instance_id, batch)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(unitId, level.name(), campaignId, status.name(), processInstanceId, batch)
                .query(Long.class).single();
    }

    public Optional<Designation> find(long id) {
        return jdbc.sql("SELECT * FROM registry.designation WHERE id = ?").param(id)
                .query(DesignationRepository::map).optional();
    }

    public List<Designation> findByUnit(long unitId) {
        return jdbc.sql("SELECT * FROM registry.designation WHERE unit_id = ? ORDER BY id").param(unitId)
                .query(DesignationRepository::map).list();
    }

    public List<Designation> findByUnitAndLevel(long unitId, Level level, Collection<DesignationStatus> statuses) {
        return jdbc.sql("""
                SELECT * FROM registry.designation
                WHERE unit_id = :unit AND level = :level AND status IN (:statuses) ORDER BY id""")
                .param("unit", unitId).param("level", level.name())
                .param("statuses", statuses.stream().map(Enum::name).toList())
                .query(DesignationRepository::map).list();
    }

    /** The latest revocation of any title of the unit, for the post-revocation lockout. */
    public Optional<LocalDate> latestRevocation(long unitId) {
        return jdbc.sql("SELECT max(revoked_date) FROM registry.designation WHERE unit_id = ? AND status = 'REVOKED'")
                .param(unitId).query((rs, n) -> Optional.ofNullable(rs.getDate(1)).map(Date::toLocalDate)).single();
    }

    public int countInCampaign(long campaignId, Collection<DesignationStatus> statuses) {
        return jdbc.sql("SELECT count(*) FROM registry.designation WHERE campaign_id = :campaign AND status IN (:statuses)")
                .param("campaign", campaignId)
                .param("statuses", statuses.stream().map(Enum::name).toList())
                .query(Integer.class).single();
    }

    /**
     * Moves the designation from {@code from} to {@code to}; false when it is no longer in
     * {@code from} (another transaction changed it since it was read: the row lock of the first
     * update makes the second wait and then find nothing to change).
     */
    public boolean updateStatus(long id, DesignationStatus from, DesignationStatus to) {
        return jdbc.sql("UPDATE registry.designation SET status = ?, updated_at = now() WHERE id = ? AND status = ?")
                .params(to.name(), id, from.name()).update() == 1;
    }

    public void recordNaming(long id, LocalDate namedDate, String documentNumber, LocalDate expiryDate,
                             boolean recommended) {
        jdbc.sql("""
                UPDATE registry.designation SET status = 'NAMED', named_date = ?, document_number = ?,
                    expiry_date = ?, recommended = ?, updated_at = now() WHERE id = ?""")
                .params(namedDate, documentNumber, expiryDate, recommended, id).update();
    }

    /** 推荐上报: the title's holder was recommended to the next level's campaign (shown on the designation page). */
    public void markRecommended(long id) {
        jdbc.sql("UPDATE registry.designation SET recommended = TRUE, updated_at = now() WHERE id = ?").param(id).update();
    }

    /** Records the revocation, if the designation is still in {@code from}; false otherwise. */
    public boolean recordRevocation(long id, DesignationStatus from, LocalDate revokedDate) {
        return jdbc.sql("""
                UPDATE registry.designation SET status = 'REVOKED', revoked_date = ?, updated_at = now()
                WHERE id = ? AND status = ?""").params(revokedDate, id, from.name()).update() == 1;
    }

    public void insertEvent(long designationId, DesignationStatus from, DesignationStatus to, String actor,
                            String reason, String processInstanceId, OffsetDateTime at) {
        insertEvent(designationId, from, to, actor, reason, processInstanceId, at, null);
    }

    public void insertEvent(long designationId, DesignationStatus from, DesignationStatus to, String actor,
                            String reason, String processInstanceId, OffsetDateTime at, String documentNumber) {
        jdbc.sql("""
                INSERT INTO registry.designation_event (designation_id, from_status, to_status, actor, reason,
                    process_instance_id, occurred_at, document_number)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(designationId, from == null ? null : from.name(), to.name(), actor, reason,
                        processInstanceId, at, documentNumber)
                .update();
    }


    public List<DesignationEvent> events(long designationId) {
        return jdbc.sql("SELECT * FROM registry.designation_event WHERE designation_id = ? ORDER BY occurred_at, id")
                .param(designationId)
                .query((rs, n) -> new DesignationEvent(rs.getLong("id"), rs.getLong("designation_id"),
                        status(rs.getString("from_status")), status(rs.getString("to_status")),
                        rs.getString("actor"), rs.getString("reason"), rs.getString("process_instance_id"),
                        rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("document_number")))
                .list();
    }

    private static DesignationStatus status(String s) {
        return s == null ? null : DesignationStatus.valueOf(s);
    }

    static Designation map(ResultSet rs, int row) throws SQLException {
        return new Designation(rs.getLong("id"), rs.getLong("unit_id"), Level.valueOf(rs.getString("level")),
                rs.getObject("campaign_id", Long.class), DesignationStatus.valueOf(rs.getString("status")),
                rs.getString("process_instance_id"), rs.getObject("named_date", LocalDate.class),
                rs.getString("document_number"), rs.getString("batch"), rs.getObject("expiry_date", LocalDate.class),
                rs.getBoolean("recommended"), rs.getObject("revoked_date", LocalDate.class));
    }
}
