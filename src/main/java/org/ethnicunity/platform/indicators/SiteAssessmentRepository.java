package org.ethnicunity.platform.indicators;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each assessor's scores for one on-site assessment (of an application or a re-inspection): the record behind the combined grade. */
@Repository
class SiteAssessmentRepository {

    record SiteAssessment(String assessor, Map<String, BigDecimal> scores, List<String> vetoes, BigDecimal total,
                          String comment) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;

    SiteAssessmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when this assessor has already scored this application */
    boolean insert(long designationId, String processInstanceId, SiteAssessment assessment) {
        try {
            jdbc.sql("""
                    INSERT INTO registry.site_assessment
                        (designation_id, process_instance_id, assessor, scores, vetoes, total, comment)
                    VALUES (?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?, ?)""")
                    .params(designationId, processInstanceId, assessment.assessor(),
                            JSON.writeValueAsString(assessment.scores()), JSON.writeValueAsString(assessment.vetoes()),
                            assessment.total(), assessment.comment())
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    List<SiteAssessment> find(String processInstanceId) {
        return jdbc.sql("SELECT * FROM registry.site_assessment WHERE process_instance_id = ? ORDER BY id")
                .param(processInstanceId)
                .query((rs, n) -> {
                    try {
                        return new SiteAssessment(rs.getString("assessor"),
                                JSON.readValue(rs.getString("scores"), new TypeReference<Map<String, BigDecimal>>() { }),
                                JSON.readValue(rs.getString("vetoes"), new TypeReference<List<String>>() { }),
                                rs.getBigDecimal("total"), rs.getString("comment"));
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                }).list();
    }
}
