package org.ethnicunity.platform.mail;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox table: mails waiting to be sent, sent ones, and the attempts of each. */
@Repository
public class MailOutbox {

    record OutboxMail(long id, String recipient, String subject, String text, String html, int attempts) {
    }

    /** What the outbox holds now, for health checks and administrators. */
    public record Status(long waiting, long failing, Long oldestWaitingSeconds, String lastError) {
    }

    private final JdbcClient jdbc;

    MailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the new row's id, or empty when a mail with this dedup key exists already */
    Optional<Long> add(String dedupKey, String recipient, String subject, String text, String html) {
        return jdbc.sql("""
                INSERT INTO registry.mail_outbox (dedup_key, recipient, subject, text_body, html_body)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (dedup_key) DO NOTHING RETURNING id""")
                .params(dedupKey, recipient, subject, text, html).query(Long.class).optional();
    }

    void attach(long mailId, MailAttachment a) {
        jdbc.sql("""
                INSERT INTO registry.mail_attachment (mail_id, filename, content_type, content_id, content)
                VALUES (?, ?, ?, ?, ?)""").params(mailId, a.filename(), a.contentType(), a.contentId(), a.content()).update();
    }

    List<MailAttachment> attachments(long mailId) {
        return jdbc.sql("SELECT filename, content_type, content, content_id FROM registry.mail_attachment WHERE mail_id = ? ORDER BY id")
                .param(mailId).query((rs, n) -> new MailAttachment(rs.getString(1), rs.getString(2), rs.getBytes(3),
                        rs.getString(4))).list();
    }

    /** Locks due, unsent mails no other node is sending right now (SKIP LOCKED): each goes out once. */
    List<OutboxMail> claimDue(int limit) {
        return jdbc.sql("""
                SELECT id, recipient, subject, text_body, html_body, attempts FROM registry.mail_outbox
                WHERE sent_at IS NULL AND next_attempt_at <= now()
                ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""")
                .param(limit).query(MailOutbox::map).list();
    }

    List<OutboxMail> claim(List<Long> ids) {
        return jdbc.sql("""
                SELECT id, recipient, subject, text_body, html_body, attempts FROM registry.mail_outbox
                WHERE id IN (:ids) AND sent_at IS NULL AND next_attempt_at <= now() ORDER BY id FOR UPDATE SKIP LOCKED""")
                .param("ids", ids).query(MailOutbox::map).list();
    }

    void markSent(long id) {
        jdbc.sql("UPDATE registry.mail_outbox SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ?")
                .param(id).update();
    }

    void markFailed(long id, Duration retryIn, String error) {
        jdbc.sql("""
                UPDATE registry.mail_outbox SET attempts = attempts + 1, last_error = ?,
                    next_attempt_at = now() + make_interval(secs => ?) WHERE id = ?""")
                .params(error, retryIn.toMillis() / 1000.0, id).update();
    }

    /**
     * Deletes up to {@code limit} mails sent before {@code cutoff}, skipping rows another node is
     * deleting at the same moment. @return how many it deleted
     */
    int deleteSentBefore(java.time.OffsetDateTime cutoff, int limit) {
        return jdbc.sql("""
                DELETE FROM registry.mail_outbox WHERE id IN (
                    SELECT id FROM registry.mail_outbox WHERE sent_at < ? ORDER BY sent_at LIMIT ? FOR UPDATE SKIP LOCKED)""")
                .params(cutoff, limit).update();
    }

    public Status status() {
        return jdbc.sql("""
                SELECT count(*) AS waiting, count(*) FILTER (WHERE attempts > 0) AS failing,
                       EXTRACT(EPOCH FROM now() - min(created_at))::bigint AS oldest,
                       (SELECT last_error FROM registry.mail_outbox WHERE sent_at IS NULL AND last_error IS NOT NULL
                        ORDER BY id DESC LIMIT 1) AS last_error
                FROM registry.mail_outbox WHERE sent_at IS NULL""")
                .query((rs, n) -> new Status(rs.getLong("waiting"), rs.getLong("failing"),
                        rs.getObject("oldest", Long.class), rs.getString("last_error")))
                .single();
    }

    private static OutboxMail map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new OutboxMail(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                rs.getString("text_body"), rs.getString("html_body"), rs.getInt("attempts"));
    }
}
