-- The project's own registry, kept apart from the engine's ACT_* tables in schema "registry".

CREATE TABLE indicator_set (
    id            BIGSERIAL PRIMARY KEY,
    code          VARCHAR(64)  NOT NULL,
    version       INT          NOT NULL,
    name          VARCHAR(200) NOT NULL,
    level         VARCHAR(16)  NOT NULL,
    unit_type     VARCHAR(32),              -- NULL: applies to every unit type of the level
    total_max     NUMERIC(6,1) NOT NULL,
    pass_line     NUMERIC(6,1) NOT NULL,
    UNIQUE (code, version),
    CHECK (pass_line > 0 AND pass_line <= total_max)
);

CREATE TABLE indicator_category (
    id               BIGSERIAL PRIMARY KEY,
    indicator_set_id BIGINT       NOT NULL REFERENCES indicator_set(id),
    code             VARCHAR(64)  NOT NULL,
    name             VARCHAR(200) NOT NULL,
    max_points       NUMERIC(6,1) NOT NULL CHECK (max_points > 0),
    sort_order       INT          NOT NULL,
    UNIQUE (indicator_set_id, code)
);

CREATE TABLE veto_item (
    id               BIGSERIAL PRIMARY KEY,
    indicator_set_id BIGINT       NOT NULL REFERENCES indicator_set(id),
    code             VARCHAR(64)  NOT NULL,
    name             VARCHAR(200) NOT NULL,
    sort_order       INT          NOT NULL,
    UNIQUE (indicator_set_id, code)
);

CREATE TABLE unit (
    id             BIGSERIAL PRIMARY KEY,
    name           VARCHAR(200) NOT NULL,
    unit_type      VARCHAR(32)  NOT NULL,
    region_code    VARCHAR(6)   NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
    contact_user   VARCHAR(64)  NOT NULL,
    contact_name   VARCHAR(100) NOT NULL,
    contact_email  VARCHAR(200) NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (name, region_code)
);
CREATE INDEX unit_contact_user ON unit(contact_user);

CREATE TABLE campaign (
    id                BIGSERIAL PRIMARY KEY,
    code              VARCHAR(64)  NOT NULL UNIQUE,
    name              VARCHAR(200) NOT NULL,
    level             VARCHAR(16)  NOT NULL,
    year              INT          NOT NULL,
    region_code       VARCHAR(6)   NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
    application_start DATE         NOT NULL,
    application_end   DATE         NOT NULL,
    quota             INT          CHECK (quota IS NULL OR quota > 0),
    indicator_set_id  BIGINT       NOT NULL REFERENCES indicator_set(id),
    CHECK (application_end >= application_start)
);

CREATE TABLE designation (
    id                  BIGSERIAL PRIMARY KEY,
    unit_id             BIGINT       NOT NULL REFERENCES unit(id),
    level               VARCHAR(16)  NOT NULL,
    campaign_id         BIGINT       REFERENCES campaign(id),
    status              VARCHAR(16)  NOT NULL,
    process_instance_id VARCHAR(64),
    named_date          DATE,
    document_number     VARCHAR(100),
    batch               VARCHAR(100),
    expiry_date         DATE,
    recommended         BOOLEAN      NOT NULL DEFAULT FALSE,
    revoked_date        DATE,
    updated_at          TIMESTAMPTZ  NOT NULL DEFAULT now()
);
-- A unit may not hold or be applying for the same level twice: the database enforces it too,
-- so two applications racing each other cannot both get through.
CREATE UNIQUE INDEX designation_one_active_per_level ON designation(unit_id, level)
    WHERE status IN ('CULTIVATING', 'APPLYING', 'UNDER_REVIEW', 'IN_NOTICE', 'NAMED', 'RECTIFYING');
CREATE INDEX designation_campaign_status ON designation(campaign_id, status);

CREATE TABLE designation_event (
    id                  BIGSERIAL PRIMARY KEY,
    designation_id      BIGINT       NOT NULL REFERENCES designation(id),
    from_status         VARCHAR(16),
    to_status           VARCHAR(16)  NOT NULL,
    actor               VARCHAR(64)  NOT NULL,
    reason              TEXT,
    process_instance_id VARCHAR(64),
    occurred_at         TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX designation_event_designation ON designation_event(designation_id, occurred_at);

-- One row per assessor and application: the assessors' scores are the record of the assessment.
CREATE TABLE site_assessment (
    id                  BIGSERIAL PRIMARY KEY,
    designation_id      BIGINT       NOT NULL REFERENCES designation(id),
    process_instance_id VARCHAR(64)  NOT NULL,
    assessor            VARCHAR(64)  NOT NULL,
    scores              JSONB        NOT NULL,
    vetoes              JSONB        NOT NULL,
    total               NUMERIC(6,1) NOT NULL,
    comment             TEXT,
    assessed_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (process_instance_id, assessor)
);
