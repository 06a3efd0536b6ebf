package org.ethnicunity.platform.launcher;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Launches and their members in schema registry. */
@Repository
class LaunchRepository {

    /** A member taken for starting: its row id, key and the variables of its instance (JSON). */
    record Member(long id, String memberKey, String payload) {
    }

    private final JdbcClient jdbc;

    LaunchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(LaunchRequest r, String launchedBy, String processInstanceId, OffsetDateTime now) {
        return jdbc.sql("""
                INSERT INTO registry.launch (kind, title, region_code, level, unit_type, status_filter, audience,
                    review_year, due_date, final_deadline, instructions, launched_by, process_instance_id, created_at)
                VALUES (:kind, :title, :region, :level, :unitType, :status, :audience, :year, :due, :final,
                    :instructions, :by, :pid, :now) RETURNING id""")
                .param("kind", r.kind()).param("title", r.title()).param("region", r.regionCode())
                .param("level", r.level()).param("unitType", r.unitType()).param("status", r.status())
                .param("audience", r.audience()).param("year", r.year()).param("due", r.dueDate())
                .param("final", r.finalDeadline()).param("instructions", r.instructions()).param("by", launchedBy)
                .param("pid", processInstanceId).param("now", now)
                .query(Long.class).single();
    }

    /**
     * Members selected by the kind's SQL, in one statement however many; a member already there
     * (the same launch created twice in one transaction's retry) is not added again.
     */
    int insertMembers(long launchId, String memberSql, Map<String, Object> params) {
        int added = jdbc.sql("INSERT INTO registry.launch_member (launch_id, member_key, payload) "
                        + "SELECT :launchId, m.member_key, m.payload FROM (" + memberSql + ") m "
                        + "ON CONFLICT (launch_id, member_key) DO NOTHING")
                .params(params).param("launchId", launchId).update();
        jdbc.sql("UPDATE registry.launch SET total = :total WHERE id = :id").param("total", added).param("id", launchId)
                .update();
        return added;
    }

    void setFilter(long launchId, String filterId) {
        jdbc.sql("UPDATE registry.launch SET filter_id = :f WHERE id = :id").param("f", filterId).param("id", launchId)
                .update();
    }

    Optional<Launch> find(long id) {
        return jdbc.sql("SELECT * FROM registry.launch WHERE id = :id").param("id", id).query(this::launch).optional();
    }

    Optional<Launch> findByProcessInstance(String processInstanceId) {
        return jdbc.sql("SELECT * FROM registry.launch WHERE process_instance_id = :pid").param("pid", processInstanceId)
                .query(this::launch).optional();
    }

    /** The launches of regions a caller covers (LIKE patterns), newest first. */
    List<Launch> listCovered(List<String> regionPatterns, int limit) {
        if (regionPatterns.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM registry.launch WHERE region_code LIKE ANY (CAST(:patterns AS text[])) "
                        + "ORDER BY created_at DESC, id DESC LIMIT :limit")
                .param("patterns", regionPatterns.toArray(String[]::new)).param("limit", limit)
                .query(this::launch).list();
    }

    String state(long launchId) {
        return jdbc.sql("SELECT state FROM registry.launch WHERE id = :id").param("id", launchId).query(String.class)
                .single();
    }

    /** The next pending members, locked; another worker or node skips them and takes the following ones. */
    List<Member> takePending(long launchId, int limit) {
        return jdbc.sql("""
                SELECT id, member_key, payload::text AS payload FROM registry.launch_member
                WHERE launch_id = :launchId AND state = 'PENDING' ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .param("launchId", launchId).param("limit", limit)
                .query((rs, n) -> new Member(rs.getLong("id"), rs.getString("member_key"), rs.getString("payload")))
                .list();
    }

    /** One pending member, locked, or nothing when another worker has it or it is no longer pending. */
    Optional<Member> takePending(long memberId) {
        return jdbc.sql("SELECT id, member_key, payload::text AS payload FROM registry.launch_member "
                        + "WHERE id = :id AND state = 'PENDING' FOR UPDATE SKIP LOCKED")
                .param("id", memberId)
                .query((rs, n) -> new Member(rs.getLong("id"), rs.getString("member_key"), rs.getString("payload")))
                .optional();
    }

    void markStarted(List<Long> memberIds, List<String> processInstanceIds, OffsetDateTime now) {
        jdbc.sql("""
                UPDATE registry.launch_member m SET state = 'STARTED', process_instance_id = s.pid, started_at = :now
                FROM unnest(CAST(:ids AS bigint[]), CAST(:pids AS text[])) AS s(id, pid) WHERE m.id = s.id""")
                .param("ids", memberIds.toArray(Long[]::new)).param("pids", processInstanceIds.toArray(String[]::new))
                .param("now", now).update();
    }

    void markFailed(long memberId, String message) {
        jdbc.sql("UPDATE registry.launch_member SET state = 'FAILED', message = :m WHERE id = :id AND state = 'PENDING'")
                .param("m", message).param("id", memberId).update();
    }

    boolean hasPending(long launchId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM registry.launch_member WHERE launch_id = :id AND state = 'PENDING')")
                .param("id", launchId).query(Boolean.class).single();
    }

    /** Ends a launch: DONE, or CANCELLED with its pending members; a launch already ended stays as it is. */
    void end(long launchId, String state, OffsetDateTime now) {
        if (jdbc.sql("UPDATE registry.launch SET state = :state, ended_at = :now WHERE id = :id AND state <> 'DONE' "
                        + "AND ended_at IS NULL")
                .param("state", state).param("now", now).param("id", launchId).update() > 0 && "CANCELLED".equals(state)) {
            jdbc.sql("UPDATE registry.launch_member SET state = 'CANCELLED' WHERE launch_id = :id AND state = 'PENDING'")
                    .param("id", launchId).update();
        }
    }

    /** Asks the workers to stop: they check before every batch. */
    boolean requestCancel(long launchId) {
        return jdbc.sql("UPDATE registry.launch SET state = 'CANCELLED' WHERE id = :id AND state = 'RUNNING'")
                .param("id", launchId).update() > 0;
    }

    List<Map<String, Object>> members(long launchId, String state, int limit, int offset) {
        return jdbc.sql("""
                SELECT member_key, state, process_instance_id, message, started_at, payload::text AS payload
                FROM registry.launch_member WHERE launch_id = :id AND (CAST(:state AS text) IS NULL OR state = :state)
                ORDER BY id LIMIT :limit OFFSET :offset""")
                .param("id", launchId).param("state", state).param("limit", limit).param("offset", offset)
                .query().listOfRows();
    }

    private Launch launch(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        Launch.Progress progress = progress(id);
        return new Launch(id, rs.getString("kind"), rs.getString("title"), rs.getString("region_code"),
                rs.getString("level"), rs.getString("unit_type"), rs.getString("status_filter"), rs.getString("audience"),
                (Integer) rs.getObject("review_year"), rs.getObject("due_date", LocalDate.class),
                rs.getObject("final_deadline", LocalDate.class), rs.getString("instructions"), rs.getString("state"),
                rs.getInt("total"), rs.getString("launched_by"), rs.getString("process_instance_id"),
                rs.getString("filter_id"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("ended_at", OffsetDateTime.class), progress);
    }

    Launch.Progress progress(long launchId) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        jdbc.sql("SELECT state, count(*) AS n FROM registry.launch_member WHERE launch_id = :id GROUP BY state")
                .param("id", launchId).query((rs, n) -> counts.put(rs.getString("state"), rs.getInt("n"))).list();
        return new Launch.Progress(counts.getOrDefault("PENDING", 0), counts.getOrDefault("STARTED", 0),
                counts.getOrDefault("FAILED", 0), counts.getOrDefault("CANCELLED", 0));
    }
}
