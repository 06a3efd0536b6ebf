-- 年度评估 (annual review): one row per designation and year, written by its process instance
-- (bpmn/annual-review.bpmn) from the start to the grade. The unique key, not a check in code, makes
-- one review per designation and year: a second start for the same pair inserts nothing and ends.
CREATE TABLE annual_review (
    id                  BIGSERIAL PRIMARY KEY,
    designation_id      BIGINT       NOT NULL REFERENCES designation(id),
    review_year         INT          NOT NULL CHECK (review_year BETWEEN 2000 AND 2999),
    -- The launch (批量发起) that started it; no foreign key: launches are the launcher's table.
    launch_id           BIGINT,
    process_instance_id VARCHAR(64)  NOT NULL,
    -- OPEN 待提交, SUBMITTED 已提交待评分, GRADED 已评定, NOT_SUBMITTED 逾期未提交, ENDED 称号终止、评估结束
    status              VARCHAR(16)  NOT NULL
                        CHECK (status IN ('OPEN', 'SUBMITTED', 'GRADED', 'NOT_SUBMITTED', 'ENDED')),
    opened_at           TIMESTAMPTZ  NOT NULL,
    -- The unit's annual report (年度创建工作报告) and self-scores per category of the indicator set.
    report              TEXT,
    self_scores         JSONB,
    self_total          NUMERIC(6,1),
    submitted_at        TIMESTAMPTZ,
    returned_count      INT          NOT NULL DEFAULT 0,
    -- The reviewer's scores per category, the veto items found, the total and its share of the set's maximum.
    review_scores       JSONB,
    vetoes              JSONB,
    score               NUMERIC(6,1),
    score_percent       NUMERIC(5,1),
    -- EXCELLENT 优秀, PASS 合格, BASIC_PASS 基本合格, FAIL 不合格 (bpmn/annual-review-grading.dmn)
    grade               VARCHAR(16)  CHECK (grade IN ('EXCELLENT', 'PASS', 'BASIC_PASS', 'FAIL')),
    graded_by           VARCHAR(64),
    graded_at           TIMESTAMPTZ,
    review_comment      TEXT,
    -- What a failing year led to: REINSPECTION, EXIT, ALREADY_RUNNING (a procedure ran: nothing started), NONE.
    follow_up           VARCHAR(32),
    follow_up_process_instance_id VARCHAR(64),
    note                TEXT,
    ended_at            TIMESTAMPTZ,
    failed              BOOLEAN      GENERATED ALWAYS AS (status = 'NOT_SUBMITTED' OR grade = 'FAIL') STORED,
    UNIQUE (designation_id, review_year)
);
CREATE INDEX annual_review_process_instance ON annual_review(process_instance_id);

-- A launch selects titles by the unit's region prefix (LIKE '1505%'): without a pattern index a
-- banner's launch reads every unit of the autonomous region.
CREATE INDEX unit_region_prefix ON unit(region_code varchar_pattern_ops);
-- From a region's units to their titles (the partial unique index covers holding states only).
CREATE INDEX designation_unit ON designation(unit_id);
