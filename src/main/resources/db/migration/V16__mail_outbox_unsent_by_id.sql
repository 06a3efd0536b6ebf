-- The sender takes the oldest due mails first (ORDER BY id LIMIT 50). With 45,000 digests queued
-- behind 50,000 sent notices, PostgreSQL either walked the primary key past every sent mail or sorted
-- every unsent one for each batch of 50: 37 ms a batch (docs/benchmarks.md). Unsent mails by id:
CREATE INDEX mail_outbox_unsent_by_id ON mail_outbox(id) WHERE sent_at IS NULL;
