-- 工作报送 (report requests): one row per member (a unit, or a lower commission) of one launch,
-- written by the member's own process instance. The row carries the launch's title and requesting
-- region itself, so the live view needs nothing but this table. UNIQUE(launch_id, member_key): a
-- member asked twice by one launch gets one row (the second instance ends without a task).

CREATE TABLE report_submission (
    id                    BIGSERIAL PRIMARY KEY,
    launch_id             BIGINT        NOT NULL,
    member_key            VARCHAR(100)  NOT NULL,
    member_type           VARCHAR(16)   NOT NULL CHECK (member_type IN ('UNIT', 'COMMISSION')),
    member_name           VARCHAR(255)  NOT NULL,
    region_code           VARCHAR(6)    NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
    requester_region_code VARCHAR(6)    NOT NULL CHECK (requester_region_code ~ '^[0-9]{6}$'),
    launch_title          VARCHAR(200)  NOT NULL,
    process_instance_id   VARCHAR(64)   NOT NULL UNIQUE,
    status                VARCHAR(16)   NOT NULL
                          CHECK (status IN ('REQUESTED', 'SUBMITTED', 'RETURNED', 'ACCEPTED', 'ENDED')),
    due_date              DATE          NOT NULL,
    due_at                TIMESTAMPTZ   NOT NULL,          -- 23:59 of due_date in the business time zone
    requested_at          TIMESTAMPTZ   NOT NULL,
    first_submitted_at    TIMESTAMPTZ,
    submitted_at          TIMESTAMPTZ,                     -- the latest submission
    submitted_by          VARCHAR(64),
    submissions           INT           NOT NULL DEFAULT 0,
    late                  BOOLEAN       NOT NULL DEFAULT FALSE, -- the first submission came after due_at
    report_text           TEXT,
    report_link           VARCHAR(1000),                   -- Camunda Forms have no file picker: a link or where the file is
    returned_reason       TEXT,
    revision_due_at       TIMESTAMPTZ,
    reviewed_by           VARCHAR(64),
    reviewed_at           TIMESTAMPTZ,
    review_comment        TEXT,
    ended_at              TIMESTAMPTZ,
    UNIQUE (launch_id, member_key)
);
CREATE INDEX report_submission_launch_status ON report_submission(launch_id, status);

-- Selections by region prefix (LIKE '1505%') use V8's unit_region_prefix.
