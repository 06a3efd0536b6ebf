-- Dynamic management (re-inspection, rectification, exit): two more states in which the unit holds
-- the title, the document number of an event (e.g. the revocation's 文号), and at most one running
-- procedure per designation, enforced here rather than by a check-then-insert.

DROP INDEX registry.designation_one_active_per_level;
ALTER TABLE designation ALTER COLUMN status TYPE VARCHAR(32);
ALTER TABLE designation_event ALTER COLUMN from_status TYPE VARCHAR(32);
ALTER TABLE designation_event ALTER COLUMN to_status TYPE VARCHAR(32);
CREATE UNIQUE INDEX designation_one_active_per_level ON designation(unit_id, level)
    WHERE status IN ('CULTIVATING', 'APPLYING', 'UNDER_REVIEW', 'IN_NOTICE', 'NAMED', 'UNDER_REINSPECTION',
                     'RECTIFYING', 'IN_EXIT');

ALTER TABLE designation_event ADD COLUMN document_number VARCHAR(100);

CREATE TABLE dynamic_procedure (
    id                  BIGSERIAL PRIMARY KEY,
    designation_id      BIGINT       NOT NULL REFERENCES designation(id),
    kind                VARCHAR(32)  NOT NULL,          -- REINSPECTION, EXIT
    process_instance_id VARCHAR(64)  NOT NULL UNIQUE,
    started_at          TIMESTAMPTZ  NOT NULL,
    ended_at            TIMESTAMPTZ,
    outcome             VARCHAR(32)
);
CREATE UNIQUE INDEX dynamic_procedure_one_running ON dynamic_procedure(designation_id) WHERE ended_at IS NULL;
