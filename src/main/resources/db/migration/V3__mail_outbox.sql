-- Every notice is written here in the transaction of the step that caused it, then sent from here
-- with retries: a rolled-back step sends nothing, an SMTP outage loses nothing.
CREATE TABLE mail_outbox (
    id              BIGSERIAL PRIMARY KEY,
    dedup_key       VARCHAR(200) UNIQUE,          -- e.g. digest:prelim1:2026-11-23; NULL for one-off notices
    recipient       VARCHAR(200) NOT NULL,
    subject         VARCHAR(500) NOT NULL,
    text_body       TEXT         NOT NULL,
    html_body       TEXT         NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    sent_at         TIMESTAMPTZ,
    last_error      TEXT
);
CREATE INDEX mail_outbox_unsent ON mail_outbox(next_attempt_at) WHERE sent_at IS NULL;
