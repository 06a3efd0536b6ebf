package org.ethnicunity.platform.attachments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The attachment table (V12): descriptions, content, and the pending files a start adopts. */
@Repository
public class AttachmentRepository {

    private static final String COLUMNS = "id, process_key, process_instance_id, task_id, task_name, file_name, "
            + "file_type, size_bytes, sha256, uploaded_by, uploaded_at";

    private final JdbcClient jdbc;
    private final java.time.ZoneId zone;

    AttachmentRepository(JdbcClient jdbc, org.ethnicunity.platform.BusinessClock clock) {
        this.jdbc = jdbc;
        this.zone = clock.zone();
    }

    long insert(String processKey, String processInstanceId, String taskId, String taskName, String fileName,
                FileType type, byte[] content, String sha256, String uploadedBy, OffsetDateTime uploadedAt) {
        return jdbc.sql("""
                INSERT INTO registry.attachment (process_key, process_instance_id, task_id, task_name, file_name, file_type,
                    size_bytes, sha256, content, uploaded_by, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(processKey, processInstanceId, taskId, taskName, fileName, type.name(), content.length, sha256,
                        content, uploadedBy, uploadedAt)
                .query(Long.class).single();
    }

    /** The files of a process instance, oldest first: the list a reviewer or a dossier shows. */
    public List<Attachment> ofInstance(String processInstanceId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM registry.attachment WHERE process_instance_id = ? ORDER BY id")
                .param(processInstanceId).query(this::map).list();
    }

    List<Attachment> pending(String user, String processKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM registry.attachment WHERE process_instance_id IS NULL AND uploaded_by = ? "
                        + "AND process_key = ? ORDER BY id")
                .params(user, processKey).query(this::map).list();
    }

    /** Gives the user's pending files of the process to the instance just started. */
    int adopt(String user, String processKey, String processInstanceId) {
        return jdbc.sql("UPDATE registry.attachment SET process_instance_id = ? WHERE process_instance_id IS NULL "
                        + "AND uploaded_by = ? AND process_key = ?")
                .params(processInstanceId, user, processKey).update();
    }

    Optional<Attachment> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM registry.attachment WHERE id = ?").param(id)
                .query(this::map).optional();
    }

    byte[] content(long id) {
        return jdbc.sql("SELECT content FROM registry.attachment WHERE id = ?").param(id).query(byte[].class).single();
    }

    private Attachment map(ResultSet rs, int row) throws SQLException {
        return new Attachment(rs.getLong("id"), rs.getString("process_key"), rs.getString("process_instance_id"),
                rs.getString("task_id"), rs.getString("task_name"), rs.getString("file_name"), rs.getString("file_type"),
                rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("uploaded_by"),
                rs.getObject("uploaded_at", OffsetDateTime.class).atZoneSameInstant(zone).toOffsetDateTime());
    }
}
