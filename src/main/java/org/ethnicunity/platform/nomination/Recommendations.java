package org.ethnicunity.platform.nomination;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** 推荐上报 records (table {@code recommendation}, V13): who recommended which title to which campaign, and why. */
@Repository
class Recommendations {

    /** One recommended unit, as the upper commission's list and the unit's application show it. */
    record Recommendation(long id, long campaignId, long designationId, long unitId, String fromRegionCode,
                          String reasons, String recommendedBy, String approvedBy, String approvalComment,
                          String processInstanceId, OffsetDateTime recommendedAt) {
    }

    private final JdbcClient jdbc;

    Recommendations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long campaignId, long designationId, long unitId, String fromRegionCode, String reasons,
                String recommendedBy, String approvedBy, String approvalComment, String processInstanceId,
                OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO registry.recommendation (campaign_id, designation_id, unit_id, from_region_code, reasons,
                    recommended_by, approved_by, approval_comment, process_instance_id, recommended_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(campaignId, designationId, unitId, fromRegionCode, reasons, recommendedBy, approvedBy,
                        approvalComment, processInstanceId, at)
                .update();
    }

    Optional<Recommendation> find(long campaignId, long unitId) {
        return jdbc.sql("SELECT * FROM registry.recommendation WHERE campaign_id = ? AND unit_id = ?")
                .params(campaignId, unitId).query(Recommendations::map).optional();
    }

    List<Recommendation> ofCampaign(long campaignId) {
        return jdbc.sql("SELECT * FROM registry.recommendation WHERE campaign_id = ? ORDER BY from_region_code, id")
                .param(campaignId).query(Recommendations::map).list();
    }

    private static Recommendation map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Recommendation(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("designation_id"),
                rs.getLong("unit_id"), rs.getString("from_region_code"), rs.getString("reasons"),
                rs.getString("recommended_by"), rs.getString("approved_by"), rs.getString("approval_comment"),
                rs.getString("process_instance_id"), rs.getObject("recommended_at", OffsetDateTime.class));
    }
}
