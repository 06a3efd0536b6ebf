-- Files sent with an outbox mail (e.g. the bulletin's PDF, its chart shown inline): written in the
-- transaction that queues the mail, deleted with it (the outbox purge deletes sent mails).
CREATE TABLE mail_attachment (
    id           BIGSERIAL PRIMARY KEY,
    mail_id      BIGINT       NOT NULL REFERENCES mail_outbox(id) ON DELETE CASCADE,
    filename     VARCHAR(200) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    -- Set for a part the HTML shows inline (<img src="cid:...">); NULL for an attachment.
    content_id   VARCHAR(100),
    content      BYTEA        NOT NULL
);
CREATE INDEX mail_attachment_mail ON mail_attachment(mail_id);
