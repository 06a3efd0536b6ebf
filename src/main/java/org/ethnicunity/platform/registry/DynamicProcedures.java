package org.ethnicunity.platform.registry;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dynamic-management procedures (re-inspection, exit) of designations. A designation has at
 * most one running procedure: the database's unique index on running rows decides, so two starts
 * at the same moment cannot both get through.
 */
@Repository
public class DynamicProcedures {

    /** One procedure of one designation, from the start of its process instance to its end. */
    public record Procedure(long id, long designationId, String kind, String processInstanceId,
                            OffsetDateTime startedAt, OffsetDateTime endedAt, String outcome) {
    }

    private final JdbcClient jdbc;

    DynamicProcedures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the start; false when the designation already has a running procedure. A second
     * insert waits for the first one's transaction and then inserts nothing, without aborting its
     * own transaction (PostgreSQL's ON CONFLICT on the partial unique index).
     */
    boolean insert(long designationId, String kind, String processInstanceId, OffsetDateTime at) {
        return jdbc.sql("""
                INSERT INTO registry.dynamic_procedure (designation_id, kind, process_instance_id, started_at)
                VALUES (?, ?, ?, ?) ON CONFLICT (designation_id) WHERE ended_at IS NULL DO NOTHING""")
                .params(designationId, kind, processInstanceId, at).update() == 1;
    }

    /** Ends the procedure of this process instance; false when it was not running. */
    boolean end(String processInstanceId, String outcome, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE registry.dynamic_procedure SET ended_at = ?, outcome = ?
                WHERE process_instance_id = ? AND ended_at IS NULL""").params(at, outcome, processInstanceId).update() > 0;
    }

    public Optional<Procedure> running(long designationId) {
        return jdbc.sql("SELECT * FROM registry.dynamic_procedure WHERE designation_id = ? AND ended_at IS NULL")
                .param(designationId).query(DynamicProcedures::map).optional();
    }

    /** The running procedure of this process instance, if it has one. */
    public Optional<Procedure> runningOf(String processInstanceId) {
        return jdbc.sql("SELECT * FROM registry.dynamic_procedure WHERE process_instance_id = ? AND ended_at IS NULL")
                .param(processInstanceId).query(DynamicProcedures::map).optional();
    }

    private static Procedure map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Procedure(rs.getLong("id"), rs.getLong("designation_id"), rs.getString("kind"),
                rs.getString("process_instance_id"), rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("ended_at", OffsetDateTime.class), rs.getString("outcome"));
    }
}
