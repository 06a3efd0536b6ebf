-- The nightly purge (OutboxPurge) deletes sent mails by age, a thousand at a time: this index finds
-- them without reading the whole table, which holds months of mails with their bodies.
CREATE INDEX mail_outbox_sent ON mail_outbox(sent_at) WHERE sent_at IS NOT NULL;
