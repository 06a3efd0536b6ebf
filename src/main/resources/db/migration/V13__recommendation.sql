-- Recommendation upward (推荐上报, docs/recommendation.md). A campaign may accept applications from
-- units of the level below only when their commission recommended them to it (a setting per campaign).
ALTER TABLE campaign ADD COLUMN recommendation_required BOOLEAN NOT NULL DEFAULT FALSE;

-- One row per unit recommended by a lower commission to an upper campaign, written when the lower
-- leading group approves the recommendation; the upper campaign's list and the unit's application
-- read it. A unit is recommended to one campaign once.
CREATE TABLE recommendation (
    id                  BIGSERIAL    PRIMARY KEY,
    campaign_id         BIGINT       NOT NULL REFERENCES campaign(id),      -- the upper campaign
    designation_id      BIGINT       NOT NULL REFERENCES designation(id),   -- the proven lower title
    unit_id             BIGINT       NOT NULL REFERENCES unit(id),
    from_region_code    VARCHAR(6)   NOT NULL,                              -- the recommending commission
    reasons             TEXT         NOT NULL,
    recommended_by      VARCHAR(64)  NOT NULL,
    approved_by         VARCHAR(64)  NOT NULL,
    approval_comment    TEXT,
    process_instance_id VARCHAR(64)  NOT NULL,
    recommended_at      TIMESTAMPTZ  NOT NULL,
    UNIQUE (campaign_id, unit_id)
);
CREATE INDEX recommendation_designation ON recommendation (designation_id);
