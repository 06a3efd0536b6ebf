-- A node claims a mail in a short transaction of its own before handing it to the SMTP server, and
-- records it as sent right after the server accepted it. Before, a mail was locked (FOR UPDATE) in
-- a transaction held over the whole batch: a node killed while sending rolled back the batch's
-- "sent" marks and the other node sent those mails again (issue 25). A claim expires, so the mails
-- of a dead node are taken over after app.mail.claim-timeout; a live node never takes a claimed one.
ALTER TABLE mail_outbox ADD COLUMN claimed_by    VARCHAR(200);
ALTER TABLE mail_outbox ADD COLUMN claimed_until TIMESTAMPTZ;
