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

    /**
     * Claims up to {@code limit} due, unsent mails for {@code node} until {@code claimFor} from now, in
     * the caller's (short) transaction: a mail claimed by another node and not yet expired is left
     * alone, rows another node is claiming at this moment are skipped (SKIP LOCKED). Oldest first.
     */
    List<OutboxMail> claimDue(String node, Duration claimFor, int limit) {
        return sorted(jdbc.sql("""
                UPDATE registry.mail_outbox SET claimed_by = :node, claimed_until = now() + make_interval(secs => :secs)
                WHERE id IN (SELECT id FROM registry.mail_outbox
                    WHERE sent_at IS NULL AND next_attempt_at <= now() AND (claimed_until IS NULL OR claimed_until < now())
                    ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING id, recipient, subject, text_body, html_body, attempts""")
                .param("node", node).param("secs", claimFor.toMillis() / 1000.0).param("limit", limit)
                .query(MailOutbox::map).list());
    }

    /** {@link #claimDue}, for these mails only (those a step has just queued). */
    List<OutboxMail> claim(String node, Duration claimFor, List<Long> ids) {
        return sorted(jdbc.sql("""
                UPDATE registry.mail_outbox SET claimed_by = :node, claimed_until = now() + make_interval(secs => :secs)
                WHERE id IN (SELECT id FROM registry.mail_outbox
                    WHERE id IN (:ids) AND sent_at IS NULL AND next_attempt_at <= now()
                      AND (claimed_until IS NULL OR claimed_until < now())
                    ORDER BY id FOR UPDATE SKIP LOCKED)
                RETURNING id, recipient, subject, text_body, html_body, attempts""")
                .param("node", node).param("secs", claimFor.toMillis() / 1000.0).param("ids", ids)
                .query(MailOutbox::map).list());
    }

    private static List<OutboxMail> sorted(List<OutboxMail> mails) {
        List<OutboxMail> copy = new java.util.ArrayList<>(mails);
        copy.sort(java.util.Comparator.comparingLong(OutboxMail::id));
        return copy;
    }

    /** The SMTP server accepted it: sent, claim released. */
    void markSent(long id) {
        jdbc.sql("""
                UPDATE registry.mail_outbox SET sent_at = now(), attempts = attempts + 1, last_error = NULL,
                    claimed_by = NULL, claimed_until = NULL WHERE id = ?""")
                .param(id).update();
    }

    void markFailed(long id, Duration retryIn, String error) {
        jdbc.sql("""
                UPDATE registry.mail_outbox SET attempts = attempts + 1, last_error = ?,
                    next_attempt_at = now() + make_interval(secs => ?), claimed_by = NULL, claimed_until = NULL
                WHERE id = ?""")
                .params(error, retryIn.toMillis() / 1000.0, id).update();
    }

    /** Gives these claimed mails back unsent (the claim ran short): another run takes them at once. */
    void release(String node, List<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("UPDATE registry.mail_outbox SET claimed_by = NULL, claimed_until = NULL WHERE id IN (:ids) AND claimed_by = :node")
                    .param("ids", ids).param("node", node).update();
        }
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
