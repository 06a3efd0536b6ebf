-- Launches (批量发起): one row per launch, one row per member of its selection. The member row is
-- the idempotency key: it is marked STARTED in the transaction that starts its instance, so a
-- launch run twice, resumed after a crash or shared by two nodes starts each member exactly once.

CREATE TABLE launch (
    id                  BIGSERIAL PRIMARY KEY,
    kind                VARCHAR(32)  NOT NULL,
    title               VARCHAR(200) NOT NULL,
    region_code         VARCHAR(6)   NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
    level               VARCHAR(16),
    unit_type           VARCHAR(32),
    status_filter       VARCHAR(32),
    audience            VARCHAR(16),
    review_year         INT,
    due_date            DATE,
    final_deadline      DATE,
    instructions        TEXT,
    state               VARCHAR(16)  NOT NULL DEFAULT 'RUNNING',   -- RUNNING, DONE, CANCELLED
    total               INT          NOT NULL DEFAULT 0,
    launched_by         VARCHAR(64)  NOT NULL,
    process_instance_id VARCHAR(64)  NOT NULL UNIQUE,
    filter_id           VARCHAR(64),
    created_at          TIMESTAMPTZ  NOT NULL,
    ended_at            TIMESTAMPTZ
);
CREATE INDEX launch_region ON launch(region_code, created_at);

CREATE TABLE launch_member (
    id                  BIGSERIAL PRIMARY KEY,
    launch_id           BIGINT       NOT NULL REFERENCES launch(id),
    member_key          VARCHAR(100) NOT NULL,
    payload             JSONB        NOT NULL,
    state               VARCHAR(16)  NOT NULL DEFAULT 'PENDING',   -- PENDING, STARTED, FAILED, CANCELLED
    process_instance_id VARCHAR(64),
    message             TEXT,
    started_at          TIMESTAMPTZ,
    UNIQUE (launch_id, member_key)
);
-- Workers take the next pending members of a launch in id order; progress counts by state.
CREATE INDEX launch_member_pending ON launch_member(launch_id, id) WHERE state = 'PENDING';
CREATE INDEX launch_member_state ON launch_member(launch_id, state);
